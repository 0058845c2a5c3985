// Records for differential runs, driven by the checked IR: every input field by its type, with
// the values where rules turn (clamp and band edges from the parameter values × the rates the
// policy writes, ± 1 分), rounding ties (random cents against rates such as 85 %), month ends,
// leap days and the policy's version dates, plus random bulk. Now and then a value the input
// validation must reject, a value the SQL engine declines (XS011: more places than it carries),
// a JSON null (absent in a population), and a column that is no input (not read).
import fc from 'fast-check';
import type { IrPolicy } from '../../compiler/ir.ts';
import { CALENDAR_EDGES, moneyText as money } from '../../compiler/sql/edges.ts';

export { moneyEdges } from '../../compiler/sql/edges.ts';

const DATES = CALENDAR_EDGES;
/** a column of the file that is no input of the policy: both population engines leave it unread */
export const UNKNOWN_COLUMN = '备注列';

export function recordArb(ir: IrPolicy, edges: string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const enums = new Map(ir.enums.map((e) => [e.name, e.members]));
  for (const f of ir.inputs) {
    let a: fc.Arbitrary<unknown> | undefined;
    const t = f.type;
    // money: also exact texts with trailing zeros ("1234.500") and JSON numbers, both accepted alike
    if (t.kind === 'money') a = fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: 20 }, { arbitrary: fc.bigInt({ min: 0n, max: 5_000_000n }).map(money), weight: 20 }, { arbitrary: fc.bigInt({ min: 0n, max: 99_999_999_99n }).map(money), weight: 20 }, { arbitrary: fc.bigInt({ min: 0n, max: 5_000_000n }).map((n) => `${money(n)}0`), weight: 1 }, { arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100), weight: 1 });
    else if (t.kind === 'date') a = fc.oneof(fc.constantFrom(...DATES), fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    else if (t.kind === 'boolean') a = fc.boolean();
    else if (t.kind === 'integer' || t.kind === 'duration') a = fc.nat({ max: 400 });
    else if (t.kind === 'enum') a = fc.constantFrom(...(enums.get(t.name) ?? []));
    // rates as decimals, percentages and per mille ("30%" is 0.3, "5‰" 0.005 in JS); rates and
    // numbers are at least 0 without 范围 ("-0%" is zero), signed within one
    else if (t.kind === 'rate') a = fc.oneof(fc.constantFrom('0.3', '30%', '30 %', '30\u3000%', '12.5%', '5‰', '0.005', '-0%', '100%', '0', ...(f.range ? ['-0.1'] : [])), fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`));
    else if (t.kind === 'number') a = fc.oneof(fc.constantFrom('0', '12.345', '1000000', ...(f.range ? ['-2.5'] : [])), fc.integer({ min: f.range ? -1_000_000 : 0, max: 1_000_000 }).map((n) => String(n / 1000)));
    else if (t.kind === 'list') a = fc.constant(null); // absent, except now and then a bad value below
    if (!a) continue;
    // values the input validation must reject (both engines with the same code): negative money
    // and counts (XI008), counts and booleans as JSON texts or fractions (XI002), dates that do
    // not exist (XI005), empty texts, syntax the decimal and rate readers refuse (XI004, XI013),
    // a list (a population column holds one text: XI002)
    const bad: unknown[] = t.kind === 'date' ? ['2023-02-29', '2023-02-30', '2024-13-01', '0000-01-01', '2024-1-05', 'yesterday', '']
      : t.kind === 'enum' ? ['十一级', '', '五级 ']
        : t.kind === 'boolean' ? ['yes', 'true', 'false', '', 1, 'TRUE']
          : t.kind === 'integer' || t.kind === 'duration' ? ['5', '-3', -3, 'abc', '', 3.5, -0]
            : t.kind === 'money' && !f.range ? ['abc', '1e5', '-1.50', '-0', -2.5, '-0.01', '', '8000.', '.5', ' 1', '+1', '１２']
              : t.kind === 'rate' ? ['abc', '30%%', '%', '', '30 percent', '1e-3', ...(f.range ? [] : ['-0.1', '-5%', -0.05])]
                : t.kind === 'list' ? [['8000.00'], 'x'] : ['abc', '1e5', '', ...(t.kind === 'number' && !f.range ? ['-2.5', -1] : [])];
    // values JS accepts that SQL cannot carry exactly (XS011): more places than DECIMAL(38,2)/(38,6)
    const declined: unknown[] = t.kind === 'money' ? ['8000.125', '0.001', 1234.5678] : t.kind === 'rate' ? ['0.1234567', '12.34567%'] : t.kind === 'number' ? ['1.0000001'] : [];
    fields[f.name] = fc.oneof({ arbitrary: a, weight: 800 }, { arbitrary: fc.constantFrom(...bad), weight: 2 }, { arbitrary: fc.constant(null), weight: 4 }, ...(declined.length ? [{ arbitrary: fc.constantFrom(...declined), weight: 1 }] : []));
  }
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), fc.oneof({ arbitrary: fc.constant(undefined), weight: 50 }, fc.constantFrom('x', '5', ''))).map(([r, extra]) => (extra === undefined ? r : { ...r, [UNKNOWN_COLUMN]: extra }));
}
