// The summary's figures when an output value is wider than DuckDB's DECIMAL(38, 6) (more than 32
// integer digits: the JS engine carries 40 significant digits, so such a value is a legitimate
// result, however implausible as money). DuckDB cannot cast it, so these figures are added up
// here, exactly, streaming the stored results once; the run's records are never lost to a
// summary. Only taken after the SQL aggregate has failed with a cast or overflow error.
import type { DuckDBConnection } from '@duckdb/node-api';
import Decimal from 'decimal.js';
import type { RawResults } from './jsRun.ts';
import { isOverflow, type OutputSummary } from './sqlRun.ts';
import { ident as q } from './sqlText.ts';

// precision is a ceiling, not a width: decimal.js sums exactly up to 10⁹ digits
const Exact = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });

/** Whether a DuckDB error is a text value no DECIMAL(38, 6) holds or a sum beyond it. */
export const tooWideForSummary = (e: unknown): boolean => isOverflow(e) || /Could not convert string .* to DECIMAL/s.test(String(e));

export async function exactOutputSummaries(c: DuckDBConnection, outs: { name: string; type: string }[], table: string, where: string, raw?: RawResults): Promise<OutputSummary[]> {
  // per output one text expression: a money output's fen column (BIGINT) as yuan text, exactly
  // (DECIMAL(20, 0) × 0.01 is DECIMAL(23, 2)), else its text
  const cols = outs.map((x) => {
    const r = raw?.columns.get(x.name);
    if (r?.fen !== undefined) return `COALESCE(CAST(CAST(${r.fen} AS DECIMAL(20,0)) * CAST(0.01 AS DECIMAL(3,2)) AS VARCHAR), ${r.text})`;
    return `CAST(${r?.text ?? q(x.name)} AS VARCHAR)`;
  });
  const acc = outs.map(() => ({ count: 0, sum: new Exact(0), min: null as Decimal | null, max: null as Decimal | null }));
  const stream = await c.stream(`SELECT ${cols.join(', ')} FROM ${table} ${where}`);
  for (;;) {
    const chunk = await stream.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) {
      row.forEach((v, k) => {
        if (v === null || v === undefined) return;
        const d = new Exact(String(v));
        const a = acc[k]!;
        a.count++;
        a.sum = a.sum.plus(d);
        if (a.min === null || d.lt(a.min)) a.min = d;
        if (a.max === null || d.gt(a.max)) a.max = d;
      });
    }
  }
  return outs.map((x, k) => {
    const a = acc[k]!;
    return { name: x.name, count: a.count, sum: a.count ? a.sum.toFixed() : null, min: a.min?.toFixed() ?? null, max: a.max?.toFixed() ?? null };
  });
}
