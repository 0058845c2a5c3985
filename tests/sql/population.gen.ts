// Records for differential runs, driven by the checked IR: every input field by its type, with
// the values where rules turn (clamp and band edges from the parameter values × the rates the
// policy writes, ± 1 分), rounding ties (random cents against rates such as 85 %), month ends,
// leap days and the policy's version dates, plus random bulk.
import fc from 'fast-check';
import type { IrPolicy } from '../../compiler/ir.ts';
import { CALENDAR_EDGES, moneyText as money } from '../../compiler/sql/edges.ts';

export { moneyEdges } from '../../compiler/sql/edges.ts';

const DATES = CALENDAR_EDGES;

export function recordArb(ir: IrPolicy, edges: string[]): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const enums = new Map(ir.enums.map((e) => [e.name, e.members]));
  for (const f of ir.inputs) {
    let a: fc.Arbitrary<unknown> | undefined;
    const t = f.type;
    if (t.kind === 'money') a = fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: 5_000_000n }).map(money), fc.bigInt({ min: 0n, max: 99_999_999_99n }).map(money));
    else if (t.kind === 'date') a = fc.oneof(fc.constantFrom(...DATES), fc.date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    else if (t.kind === 'boolean') a = fc.boolean();
    else if (t.kind === 'integer') a = fc.nat({ max: 400 });
    else if (t.kind === 'enum') a = fc.constantFrom(...(enums.get(t.name) ?? []));
    if (!a) continue;
    // now and then a value the input validation must reject (both engines alike)
    // (negative money and counts: XI008 in JS; a count or a boolean given as a JSON text: the
    // schema wants a number / a boolean)
    const bad: unknown[] = t.kind === 'date' ? ['2023-02-29', '2024-13-01', 'yesterday'] : t.kind === 'enum' ? ['十一级', '']
      : t.kind === 'boolean' ? ['yes', 'true', 'false'] : t.kind === 'integer' ? ['5', '-3', -3, 'abc']
        : t.kind === 'money' && !f.range ? ['abc', '1e5', '-1.50', '-0', -2.5, '-0.01'] : ['abc', '1e5'];
    fields[f.name] = fc.oneof({ arbitrary: a, weight: 400 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
  }
  return fc.record(fields, { requiredKeys: [] });
}
