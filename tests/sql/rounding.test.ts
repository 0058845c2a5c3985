// Exact rounding emitted as integer arithmetic (compiler/sql/round.ts), run for real in DuckDB,
// against runtime/money.ts roundTo on ties, negatives and random values of scale 3–6.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { exactRound, decLit } from '../../compiler/sql/round.ts';
import { printExpr } from '../../compiler/sql/print.ts';
import type { SqlExpr } from '../../compiler/sql/sqlIr.ts';
import { duckdb } from '../../compiler/sql/duckdb.ts';
import { roundTo, type RoundingMode, type RoundingUnit } from '../../runtime/money.ts';

const MODES: RoundingMode[] = ['half_up', 'half_even', 'floor', 'ceil'];
const UNITS: RoundingUnit[] = ['fen', 'jiao', 'yuan'];

describe('exact SQL rounding', () => {
  // wide: DuckDB's form (64-bit integers, HUGEINT only for values whose scaled form does not fit);
  // narrow: the one-integer form Spark and Trino get. The large values cross 10^18 scaled (the
  // 64-bit bound) on both sides: 99999999999999.9999 · 10^4 < 10^18 ≤ 100000000000000.0000 · 10^4
  it.each([true, false])('matches roundTo in every mode and unit (wide %s)', async (wide) => {
    const large = wide ? ['99999999999999.9950', '-99999999999999.9950', '100000000000000.0050', '-100000000000000.0050', '123456789012345678901.235', '-123456789012345678901.245', '999999999999999.99'] : [];
    const ties = ['2.345', '2.355', '-2.345', '-2.355', '0.005', '-0.005', '1.25', '1.35', '0.5', '1.5', '2.5', '-0.5', '-2.5', '12345.6750', '0.0049', '99999999.995', ...large];
    const random = fc.sample(fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 3, max: 6 })).map(([n, s]) => {
      const neg = n < 0n; const a = (neg ? -n : n).toString().padStart(s + 1, '0');
      return `${neg ? '-' : ''}${a.slice(0, a.length - s)}.${a.slice(a.length - s)}`;
    }), { numRuns: 80, seed: 3 });
    const values = [...ties, ...random];
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    let checked = 0;
    // values of one scale are rows of one table; the rounding's integer steps are bound to
    // columns of chained CTEs as the lowering binds them (inline they would nest and grow)
    const byScale = new Map<number, string[]>();
    for (const v of values) { const s = (v.split('.')[1] ?? '').length; byScale.set(s, [...(byScale.get(s) ?? []), v]); }
    for (const mode of MODES) for (const unit of UNITS) {
      for (const [s, vs] of byScale) {
        const steps: string[] = [];
        const bind = (e: SqlExpr): SqlExpr => { const name = `h${steps.length}`; steps.push(`${printExpr(duckdb, e)} AS ${name}`); return { k: 'col', name }; };
        const out = printExpr(duckdb, exactRound({ k: 'col', name: 'x', scale: s }, s, mode, unit, bind, { wide }));
        const ctes = [`t0 AS (SELECT i, CAST(v AS DECIMAL(38,${s})) AS x FROM (VALUES ${vs.map((v, i) => `(${i}, '${v}')`).join(', ')}) AS t(i, v))`, ...steps.map((st, j) => `t${j + 1} AS (SELECT *, ${st} FROM t${j})`)];
        const rows = (await c.runAndReadAll(`WITH ${ctes.join(', ')} SELECT i, CAST(${out} AS VARCHAR) FROM t${steps.length} ORDER BY i`)).getRows();
        expect(rows.length).toBe(vs.length);
        for (const [i, got] of rows) {
          const v = vs[Number(i)]!;
          const want = roundTo(v, unit, mode).toFixed(unit === 'fen' ? 2 : unit === 'jiao' ? 1 : 0);
          expect(`${mode} ${unit} ${v} → ${got}`).toBe(`${mode} ${unit} ${v} → ${want}`);
          checked++;
        }
      }
    }
    c.closeSync();
    expect(checked).toBe(values.length * 12);
  }, 60_000);
});
