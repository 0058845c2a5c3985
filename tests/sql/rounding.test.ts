// Exact rounding emitted as integer arithmetic (compiler/sql/round.ts), run for real in DuckDB,
// against runtime/money.ts roundTo on ties, negatives and random values of scale 3–6.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { exactRound, decLit } from '../../compiler/sql/round.ts';
import { printExpr } from '../../compiler/sql/print.ts';
import { duckdb } from '../../compiler/sql/duckdb.ts';
import { roundTo, type RoundingMode, type RoundingUnit } from '../../runtime/money.ts';

const MODES: RoundingMode[] = ['half_up', 'half_even', 'floor', 'ceil'];
const UNITS: RoundingUnit[] = ['fen', 'jiao', 'yuan'];

describe('exact SQL rounding', () => {
  it('matches roundTo in every mode and unit', async () => {
    const ties = ['2.345', '2.355', '-2.345', '-2.355', '0.005', '-0.005', '1.25', '1.35', '0.5', '1.5', '2.5', '-0.5', '-2.5', '12345.6750', '0.0049', '99999999.995'];
    const random = fc.sample(fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 3, max: 6 })).map(([n, s]) => {
      const neg = n < 0n; const a = (neg ? -n : n).toString().padStart(s + 1, '0');
      return `${neg ? '-' : ''}${a.slice(0, a.length - s)}.${a.slice(a.length - s)}`;
    }), { numRuns: 80, seed: 3 });
    const values = [...ties, ...random];
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    let checked = 0;
    for (const mode of MODES) for (const unit of UNITS) {
      const cols = values.map((v, i) => {
        const x = decLit(v);
        return `CAST(${printExpr(duckdb, exactRound({ k: 'castDec', x, scale: x.k === 'dec' ? x.scale : 0 }, x.k === 'dec' ? x.scale : 0, mode, unit))} AS VARCHAR) AS v${i}`;
      });
      const res = await c.runAndReadAll(`SELECT ${cols.join(', ')}`);
      const row = res.getRowObjectsJson()[0] as Record<string, string>;
      values.forEach((v, i) => {
        const want = roundTo(v, unit, mode).toFixed(unit === 'fen' ? 2 : unit === 'jiao' ? 1 : 0);
        expect(`${mode} ${unit} ${v} → ${row[`v${i}`]}`).toBe(`${mode} ${unit} ${v} → ${want}`);
        checked++;
      });
    }
    c.closeSync();
    expect(checked).toBe(values.length * 12);
  }, 60_000);
});
