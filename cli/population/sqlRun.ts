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
import { DECLINED_COLUMN, declinedSource, declinedTable, passScales } from './declined.ts';
import type { InputScales } from '../../compiler/sql/rejects.ts';

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
  /** printQuery's `values` text with the source relation in place (with the declinedCapture
   * column when `wide` is given) */
  sql: string;
  /** the same without the declinedCapture column (what `--out` stores) */
  plainSql?: string;
  /** without --out: take the declined records by a second run of the query into a table, as when
   * the aggregation's list of them runs out of memory (for tests of that path) */
  declinedInTable?: boolean;
  /** shadow records to re-evaluate in JS (0: none; the source then has no SHADOW_COLUMN) */
  sample: number;
  /**
   * The query at wider input scales, for the records the fast one declines (declined.ts): its
   * lowering and its printed `values` text over a given source; null when it cannot be lowered.
   */
  wide?: (scales: InputScales) => { query: SqlQuery; sql: (source: string) => string; guarded?: (source: string) => string } | null;
}

/** Whether a DuckDB error is a value beyond its DECIMAL(38) (an overflow, or a cast out of range):
 * what a guarded query (print.ts `guard`) declines per record instead (XS013). */
export const isOverflow = (e: unknown): boolean => /Out of Range Error|value is out of range/.test(String(e));

const NUMERIC = new Set(['money', 'rate', 'number', 'integer']);

export async function runInSql(c: DuckDBConnection, r: SqlRun): Promise<SqlSummary> {
  const D = dialects.duckdb!;
  // the outputs as every pass gives them: a wider pass may give a value at more places, and
  // the union of the passes' tables (UNION BY NAME) holds it at the widest scale
  let outs = r.query.outputs;
  const widen = (q2: SqlQuery) => { outs = outs.map((o, i) => (o.value ? { ...o, scale: Math.max(o.scale ?? 0, q2.outputs[i]!.scale ?? 0) } : o)); };
  const aggs = ['agg'];
  const results = ['results'];
  const redo = r.wide !== undefined;
  if (r.out) {
    // the results stored without the declined records' inputs (stored in the results table, that
    // column ran a 200 000-record run with 18 outputs out of the memory limit); when some record
    // is declined, they are taken by a second run of the query that keeps only those records
    await c.run(`CREATE TABLE results AS ${r.plainSql ?? r.sql}`);
    const declined = redo && Number((await c.runAndReadAll(`SELECT count(*) FROM results WHERE starts_with(reject, 'XS011:')`)).getRows()[0]![0]) > 0;
    if (declined) {
      await c.run(`CREATE TEMP TABLE declined_src AS SELECT ${q(DECLINED_COLUMN)} AS d FROM (${r.sql}) WHERE ${q(DECLINED_COLUMN)} IS NOT NULL`);
      results[0] = `(SELECT * FROM results WHERE NOT COALESCE(starts_with(reject, 'XS011:'), false))`;
      await recompute(c, r, 'declined_src', async (k, q2, sql2) => {
        await c.run(`CREATE TEMP TABLE results_${k} AS ${sql2}`);
        results.push(`results_${k}`);
        widen(q2);
      }, async (k, from) => {
        // a pass that failed: its records stay declined, with their fast code
        await c.run(`CREATE TEMP TABLE results_${k} AS SELECT d.id AS rec_id, d.g AS grp, d.r AS reject${r.sample > 0 ? `, d.sh AS ${q(SHADOW_COLUMN)}` : ''} FROM ${from}`);
        results.push(`results_${k}`);
      });
    }
    const all = results.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL BY NAME ');
    await c.run(`CREATE TEMP TABLE agg AS ${aggregateSql(r, outs, `(${all})`)}`);
  } else {
    // the declined records listed by the aggregation itself; a list cannot spill, so when there
    // are too many for the memory limit they are taken by a second run of the query into a table
    // (as with --out)
    let from = '(SELECT unnest(declined) AS d FROM agg)';
    try {
      if (r.declinedInTable) throw new Error('Out of Memory Error: (asked for)');
      await c.run(`CREATE TEMP TABLE agg AS ${aggregateSql(r, outs, `(${r.sql})`, { declined: redo })}`);
    } catch (e) {
      if (!redo || !/Out of Memory/.test(String(e))) throw e;
      await c.run('DROP TABLE IF EXISTS agg');
      await c.run(`CREATE TEMP TABLE agg AS ${aggregateSql(r, outs, `(${r.plainSql ?? r.sql})`, { declined: true, list: false })}`);
      await c.run(`CREATE TEMP TABLE declined_src AS SELECT ${q(DECLINED_COLUMN)} AS d FROM (${r.sql}) WHERE ${q(DECLINED_COLUMN)} IS NOT NULL`);
      from = 'declined_src';
    }
    if (redo) await recompute(c, r, from, async (k, q2, sql2) => {
      await c.run(`CREATE TEMP TABLE agg_${k} AS ${aggregateSql(r, q2.outputs, `(${sql2})`, { counted: false })}`);
      aggs.push(`agg_${k}`);
      widen(q2);
    }, async (k, from) => {
      // a pass that failed: its records stay declined, counted (and sampled) with their fast code
      const fields = [`'h': hash(d.sh)`, `'rec_id': d.id`, `'reject': d.r`, `'sh': d.sh`, ...outs.map((_, i) => `'t${i}': CAST(NULL AS VARCHAR)`)];
      await c.run(`CREATE TEMP TABLE agg_${k} AS SELECT d.g AS grp, 0 AS n, histogram(d.r) AS rej, list(CASE WHEN d.sh IS NOT NULL THEN {${fields.join(', ')}} END) FILTER (WHERE d.sh IS NOT NULL) AS shadow FROM ${from} GROUP BY d.g`);
      aggs.push(`agg_${k}`);
    });
  }
  // every pass's figures; the records counted once, by the fast pass (n = 0 in the others)
  await c.run(`CREATE TEMP VIEW aggs AS ${aggs.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL BY NAME ')}`);
  // before anything is written: a run that disagrees with the oracle leaves no results file
  let shadow: ShadowResult | undefined;
  if (r.sample > 0) {
    const fields = ['rec_id', 'reject', 'sh', ...outs.map((_, i) => `t${i}`)].map((f) => `s.${f}`);
    const rows = (await c.runAndReadAll(`SELECT ${fields.join(', ')} FROM (SELECT unnest(shadow) AS s FROM aggs) ORDER BY s.h, s.sh LIMIT ${r.sample}`)).getRows();
    shadow = checkShadowRows({ ir: r.ir, asOf: r.asOf, parameters: r.parameters, outputs: outs.map((o) => o.name), idColumn: r.idColumn, sample: r.sample }, rows);
  }
  if (r.out) {
    // written beside the target and renamed into place: a failed or interrupted run leaves no
    // half-written results (the target was checked by cli/safeWrite.ts before the run)
    const opts = r.out.format === 'parquet' ? '(FORMAT parquet)' : r.out.format === 'csv' ? '(FORMAT csv, HEADER)' : '(FORMAT json)';
    const tmp = tempBeside(r.out.file);
    const all = results.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL BY NAME ');
    try {
      await c.run(`COPY (SELECT rec_id, reject, ${outs.map((o) => `${outputTextSql(D, o, q(o.name))} AS ${q(o.name)}`).join(', ')} FROM (${all})) TO ${lit(tmp)} ${opts}`);
    } catch (e) {
      discardTemp(tmp);
      throw e;
    }
    commitTemp(tmp, r.out.file);
  }
  const total = await figures(c, outs, 'SELECT NULL AS grp, sum(n) AS n', '');
  const rejected = (await c.runAndReadAll('SELECT code, sum(k) FROM (SELECT unnest(map_keys(rej)) AS code, unnest(map_values(rej)) AS k FROM aggs) GROUP BY code ORDER BY 2 DESC, 1')).getRows()
    .map((x) => ({ code: String(x[0]), count: Number(x[1]) }));
  const res: SqlSummary = { records: total[0]?.records ?? 0, rejected, outputs: total[0]?.outputs ?? [], ...(shadow ? { shadow } : {}) };
  if (r.groupBy) res.groups = (await figures(c, outs, 'SELECT grp, sum(n) AS n', 'GROUP BY grp ORDER BY grp')).map((g) => ({ key: g.key, outputs: g.outputs }));
  return res;
}

/**
 * The second passes over the declined records `d` of relation `from`: one per pair of places
 * (ms, rs) they need, each the query at those scales over just those records (`done`). A pass
 * whose query overflows (a value beyond DECIMAL(38) in some step: DuckDB raises, never rounds)
 * runs once more guarded, which declines the overflowing records alone (XS013:<rule>); a pass
 * whose lowering or guarded query fails leaves its records declined (`failed`).
 */
async function recompute(c: DuckDBConnection, r: SqlRun, from: string,
  done: (k: number, q2: SqlQuery, sql: string, where: string) => Promise<void>,
  failed?: (k: number, from: string) => Promise<void>): Promise<void> {
  await c.run(`CREATE TEMP TABLE declined AS ${declinedTable(from, r.query)}`);
  const pairs = (await c.runAndReadAll('SELECT DISTINCT ms, rs FROM declined ORDER BY 1, 2')).getRows().map((x) => [Number(x[0]), Number(x[1])] as const);
  // first one pass for all at the widest places (exact wherever it does not overflow; each pass
  // costs ≈ 0.5 s of planning the query), then, if that fails, one pass per pair of places
  const groups: { ms: number; rs: number; where: string }[] = pairs.map(([ms, rs]) => ({ ms, rs, where: `ms = ${ms} AND rs = ${rs}` }));
  if (groups.length > 1) {
    const ms = Math.max(...pairs.map((x) => x[0])), rs = Math.max(...pairs.map((x) => x[1]));
    // (not guarded: a record overflowing at places wider than its own may compute at its own)
    if (await pass(c, r, 1, ms, rs, 'true', done, false)) return;
  }
  let k = 1;
  for (const g of groups) {
    k++;
    if (!(await pass(c, r, k, g.ms, g.rs, g.where, done)) && failed) await failed(k, `(SELECT d FROM declined WHERE ${g.where})`);
  }
}

/** One second pass over the declined records `where` takes, at the scales of (ms, rs); false when
 * it fails. `guard`: on an overflow, once more guarded (its overflowing records XS013, the others computed). */
async function pass(c: DuckDBConnection, r: SqlRun, k: number, ms: number, rs: number, where: string, done: (k: number, q2: SqlQuery, sql: string, where: string) => Promise<void>, guard = true): Promise<boolean> {
  const w = r.wide!(passScales(ms, rs));
  if (!w) return false;
  const src = declinedSource('declined', w.query, where, r.sample > 0);
  const drop = async () => { await c.run(`DROP TABLE IF EXISTS results_${k}`); await c.run(`DROP TABLE IF EXISTS agg_${k}`); };
  try {
    await done(k, w.query, w.sql(src), where);
    return true;
  } catch (e) {
    await drop();
    // a record that overflows at these places: the pass once more guarded, which declines that
    // record alone (XS013:<rule>) and computes the others
    if (!guard || !isOverflow(e) || !w.guarded) return false;
  }
  try {
    await done(k, w.query, w.guarded(src), where);
    return true;
  } catch {
    await drop();
    return false;
  }
}

/**
 * One row per group (one row without a group column): the records, the reject codes' histogram
 * (NULL codes are not counted), count/sum/min/max of each numeric output's value (NULL when
 * rejected or not computable), and the shadow sample as a list of structs, built only for the
 * records the source marked (CASE: the texts are made only for them). With `declined`, the fast
 * pass's declines (XS011) are not counted or sampled but listed (`declined`): the second passes
 * count them (not `counted` as records: the fast pass counted every record).
 */
function aggregateSql(r: SqlRun, outs: SqlQuery['outputs'], source: string, { declined = false, counted = true, list = true } = {}): string {
  const D = dialects.duckdb!;
  const xs011 = `starts_with(reject, 'XS011:')`;
  const cols = [r.groupBy ? 'grp' : 'CAST(NULL AS VARCHAR) AS grp', counted ? 'count(*) AS n' : 'CAST(0 AS BIGINT) AS n', declined ? `histogram(CASE WHEN ${xs011} THEN NULL ELSE reject END) AS rej` : 'histogram(reject) AS rej'];
  outs.forEach((o, i) => {
    if (!NUMERIC.has(o.type)) return;
    const v = q(o.name);
    cols.push(`count(${v}) AS c${i}`, `sum(${v}) AS s${i}`, `min(${v}) AS lo${i}`, `max(${v}) AS hi${i}`);
  });
  if (r.sample > 0) {
    const sh = q(SHADOW_COLUMN);
    const fields = [`'h': hash(${sh})`, `'rec_id': rec_id`, `'reject': reject`, `'sh': CAST(${sh} AS VARCHAR)`, ...outs.map((o, i) => `'t${i}': ${outputTextSql(D, o, q(o.name))}`)];
    const take = declined ? `${sh} IS NOT NULL AND NOT COALESCE(${xs011}, false)` : `${sh} IS NOT NULL`;
    cols.push(`list(CASE WHEN ${take} THEN {${fields.join(', ')}} END) FILTER (WHERE ${take}) AS shadow`);
  }
  if (declined && list) cols.push(`list(${q(DECLINED_COLUMN)}) FILTER (WHERE ${q(DECLINED_COLUMN)} IS NOT NULL) AS declined`);
  return `SELECT ${cols.join(', ')} FROM ${source}${r.groupBy ? ' GROUP BY grp' : ''}`;
}

/** The summary figures from `agg`, one entry per row of `head … tail` (all groups, or the total). */
async function figures(c: DuckDBConnection, outs: SqlQuery['outputs'], head: string, tail: string): Promise<{ key: string | null; records: number; outputs: OutputSummary[] }[]> {
  const numeric = outs.map((o, i) => ({ o, i })).filter((x) => NUMERIC.has(x.o.type));
  // DECIMAL sums and extremes at the output's own scale, exactly; as text only here
  const cols = [head, ...numeric.flatMap(({ i }) => [`sum(c${i}) AS c${i}`, `CAST(sum(s${i}) AS VARCHAR) AS s${i}`, `CAST(min(lo${i}) AS VARCHAR) AS lo${i}`, `CAST(max(hi${i}) AS VARCHAR) AS hi${i}`])];
  const rows = (await c.runAndReadAll(`${cols.join(', ')} FROM aggs ${tail}`)).getRowObjectsJson() as Record<string, string | null>[];
  return rows.map((row) => ({
    key: row.grp ?? null,
    records: Number(row.n ?? 0),
    outputs: numeric.map(({ o, i }) => ({ name: o.name, count: Number(row[`c${i}`] ?? 0), sum: trim(row[`s${i}`] ?? null), min: trim(row[`lo${i}`] ?? null), max: trim(row[`hi${i}`] ?? null) })),
  }));
}

/** A decimal text without trailing fractional zeros ('12.50' → '12.5', '3.00' → '3'). */
const trim = (s: string | null) => (s === null ? null : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
