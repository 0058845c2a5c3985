// A population run wholly in DuckDB (`--engine duckdb-sql`): the compiled query over the source,
// its numeric outputs kept as typed DECIMAL values (compiler/sql printQuery `values`) through the
// aggregation, text made only where a file is written and for the shadow sample.
//
// Without an output file nothing is materialised: one streaming pass aggregates the query into a
// table of one row per group (count, sum, min, max per output, the reject codes' histogram and the
// shadow sample as a list), and the summary is read from that small table. A results table of
// 10⁷ rows (its texts, and the summaries parsing them back) cost ≈ 6 of ≈ 12 CPU-s at 10⁷ and
// held DuckDB's memory limit (docs/benchmarks.md). With an output file the typed results are
// stored once, the file written from them with the output texts, and the same aggregation run
// over the table.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import { dialects, outputTextSql, type SqlQuery } from '../../compiler/sql/index.ts';
import { checkShadowRows, SHADOW_COLUMN, type ShadowResult } from './shadow.ts';
import { commitTemp, discardTemp, tempBeside } from '../safeWrite.ts';
import { ident as q, lit } from './sqlText.ts';

export interface OutputSummary { name: string; count: number; sum: string | null; min: string | null; max: string | null }
export interface SqlSummary {
  records: number;
  rejected: { code: string; count: number }[];
  outputs: OutputSummary[];
  groups?: { key: string | null; outputs: OutputSummary[] }[];
  shadow?: ShadowResult;
}

export interface SqlRun {
  ir: IrPolicy;
  asOf: string;
  parameters: Record<string, string>;
  idColumn?: string;
  groupBy?: string;
  /** the output file (NDJSON, CSV or Parquet by its extension), if any */
  out?: { file: string; format: 'ndjson' | 'csv' | 'parquet' };
  query: SqlQuery;
  /** printQuery's `values` text with the source relation in place */
  sql: string;
  /** shadow records to re-evaluate in JS (0: none; the source then has no SHADOW_COLUMN) */
  sample: number;
}

const NUMERIC = new Set(['money', 'rate', 'number', 'integer']);

export async function runInSql(c: DuckDBConnection, r: SqlRun): Promise<SqlSummary> {
  const outs = r.query.outputs;
  const D = dialects.duckdb!;
  let source = `(${r.sql})`;
  if (r.out) {
    await c.run(`CREATE TABLE results AS ${r.sql}`);
    source = 'results';
  }
  await c.run(`CREATE TEMP TABLE agg AS ${aggregateSql(r, source)}`);
  // before anything is written: a run that disagrees with the oracle leaves no results file
  let shadow: ShadowResult | undefined;
  if (r.sample > 0) {
    const fields = ['rec_id', 'reject', 'sh', ...outs.map((_, i) => `t${i}`)].map((f) => `s.${f}`);
    const rows = (await c.runAndReadAll(`SELECT ${fields.join(', ')} FROM (SELECT unnest(shadow) AS s FROM agg) ORDER BY s.h, s.sh LIMIT ${r.sample}`)).getRows();
    shadow = checkShadowRows({ ir: r.ir, asOf: r.asOf, parameters: r.parameters, outputs: outs.map((o) => o.name), idColumn: r.idColumn, sample: r.sample }, rows);
  }
  if (r.out) {
    // written beside the target and renamed into place: a failed or interrupted run leaves no
    // half-written results (the target was checked by cli/safeWrite.ts before the run)
    const opts = r.out.format === 'parquet' ? '(FORMAT parquet)' : r.out.format === 'csv' ? '(FORMAT csv, HEADER)' : '(FORMAT json)';
    const tmp = tempBeside(r.out.file);
    try {
      await c.run(`COPY (SELECT rec_id, reject, ${outs.map((o) => `${outputTextSql(D, o, q(o.name))} AS ${q(o.name)}`).join(', ')} FROM results) TO ${lit(tmp)} ${opts}`);
    } catch (e) {
      discardTemp(tmp);
      throw e;
    }
    commitTemp(tmp, r.out.file);
  }
  const total = await figures(c, outs, 'SELECT NULL AS grp, sum(n) AS n', '');
  const rejected = (await c.runAndReadAll('SELECT code, sum(k) FROM (SELECT unnest(map_keys(rej)) AS code, unnest(map_values(rej)) AS k FROM agg) GROUP BY code ORDER BY 2 DESC, 1')).getRows()
    .map((x) => ({ code: String(x[0]), count: Number(x[1]) }));
  const res: SqlSummary = { records: total[0]?.records ?? 0, rejected, outputs: total[0]?.outputs ?? [], ...(shadow ? { shadow } : {}) };
  if (r.groupBy) res.groups = (await figures(c, outs, 'SELECT grp, sum(n) AS n', 'GROUP BY grp ORDER BY grp')).map((g) => ({ key: g.key, outputs: g.outputs }));
  return res;
}

/**
 * One row per group (one row without a group column): the records, the reject codes' histogram
 * (NULL codes are not counted), count/sum/min/max of each numeric output's value (NULL when
 * rejected or not computable), and the shadow sample as a list of structs, built only for the
 * records the source marked (CASE: the texts are made only for them).
 */
function aggregateSql(r: SqlRun, source: string): string {
  const D = dialects.duckdb!;
  const outs = r.query.outputs;
  const cols = [r.groupBy ? 'grp' : 'CAST(NULL AS VARCHAR) AS grp', 'count(*) AS n', 'histogram(reject) AS rej'];
  outs.forEach((o, i) => {
    if (!NUMERIC.has(o.type)) return;
    const v = q(o.name);
    cols.push(`count(${v}) AS c${i}`, `sum(${v}) AS s${i}`, `min(${v}) AS lo${i}`, `max(${v}) AS hi${i}`);
  });
  if (r.sample > 0) {
    const sh = q(SHADOW_COLUMN);
    const fields = [`'h': hash(${sh})`, `'rec_id': rec_id`, `'reject': reject`, `'sh': ${sh}`, ...outs.map((o, i) => `'t${i}': ${outputTextSql(D, o, q(o.name))}`)];
    cols.push(`list(CASE WHEN ${sh} IS NOT NULL THEN {${fields.join(', ')}} END) FILTER (WHERE ${sh} IS NOT NULL) AS shadow`);
  }
  return `SELECT ${cols.join(', ')} FROM ${source}${r.groupBy ? ' GROUP BY grp' : ''}`;
}

/** The summary figures from `agg`, one entry per row of `head … tail` (all groups, or the total). */
async function figures(c: DuckDBConnection, outs: SqlQuery['outputs'], head: string, tail: string): Promise<{ key: string | null; records: number; outputs: OutputSummary[] }[]> {
  const numeric = outs.map((o, i) => ({ o, i })).filter((x) => NUMERIC.has(x.o.type));
  // DECIMAL sums and extremes at the output's own scale, exactly; as text only here
  const cols = [head, ...numeric.flatMap(({ i }) => [`sum(c${i}) AS c${i}`, `CAST(sum(s${i}) AS VARCHAR) AS s${i}`, `CAST(min(lo${i}) AS VARCHAR) AS lo${i}`, `CAST(max(hi${i}) AS VARCHAR) AS hi${i}`])];
  const rows = (await c.runAndReadAll(`${cols.join(', ')} FROM agg ${tail}`)).getRowObjectsJson() as Record<string, string | null>[];
  return rows.map((row) => ({
    key: row.grp ?? null,
    records: Number(row.n ?? 0),
    outputs: numeric.map(({ o, i }) => ({ name: o.name, count: Number(row[`c${i}`] ?? 0), sum: trim(row[`s${i}`] ?? null), min: trim(row[`lo${i}`] ?? null), max: trim(row[`hi${i}`] ?? null) })),
  }));
}

/** A decimal text without trailing fractional zeros ('12.50' → '12.5', '3.00' → '3'). */
const trim = (s: string | null) => (s === null ? null : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
