// A population run: every record of a file (NDJSON, CSV, Parquet) validated and evaluated,
// outputs written and summarised. DuckDB (file-backed scratch database, memory-limited) reads
// the source, holds the results and aggregates; the records are evaluated either by the JS
// engine (jsRun.ts, one chunk of rows at a time: bounded memory) or wholly in DuckDB by the
// SQL backend (`duckdb-sql`).
import { mkdtempSync, rmSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { IrPolicy } from '../../compiler/ir.ts';
import { compileSql, dialects, printQuery } from '../../compiler/sql/index.ts';
import type { InputScales } from '../../compiler/sql/rejects.ts';
import { declinedCapture } from './declined.ts';
import { sqlSourceRelation, type SourceFormat } from './duckdbSql.ts';
import { evaluateInJs, type RawResults } from './jsRun.ts';
import { PopulationError } from './errors.ts';
import { shadowSource, shadowStep, SHADOW_COLUMN, DEFAULT_SHADOW, type ShadowResult } from './shadow.ts';
import { isOverflow, runInSql, type OutputSummary } from './sqlRun.ts';
import { exactOutputSummaries, tooWideForSummary } from './exactSummary.ts';
import { commitTemp, discardTemp, tempBeside } from '../safeWrite.ts';
import { ident as q, lit } from './sqlText.ts';

export interface PopulationOptions {
  file: string;
  asOf: string;
  parameters: Record<string, string>;
  outputs?: string[];
  engine: 'js' | 'duckdb-sql';
  out?: string;
  groupBy?: string;
  idColumn?: string;
  progress?: (done: number) => void;
  /** duckdb-sql: records re-evaluated in JS (shadow.ts); default DEFAULT_SHADOW, 0 turns it off. */
  shadow?: number;
  /** duckdb-sql, tests only: the declined records' second run into a table (sqlRun.ts), as when their list runs out of memory */
  declinedInTable?: boolean;
}

export type { OutputSummary };
export interface PopulationSummary {
  records: number;
  rejected: { code: string; count: number }[];
  outputs: OutputSummary[];
  groups?: { key: string | null; outputs: OutputSummary[] }[];
  /** duckdb-sql runs: the records the shadow check re-evaluated in JS, all in agreement. */
  shadow?: ShadowResult;
  seconds: number;
}

export function formatOf(file: string): SourceFormat {
  const e = extname(file).toLowerCase();
  return e === '.parquet' ? 'parquet' : e === '.csv' ? 'csv' : 'ndjson';
}


export async function runPopulation(ir: IrPolicy, o: PopulationOptions): Promise<PopulationSummary> {
  const t0 = performance.now();
  const sample = o.engine === 'duckdb-sql' ? (o.shadow ?? DEFAULT_SHADOW) : 0;
  const shadowOn = Number.isSafeInteger(sample) && sample > 0;
  const dir = mkdtempSync(join(tmpdir(), 'xize-pop-'));
  // the JS engine's own heap (≈ 100 MB) shares the process with DuckDB's buffers: a lower limit
  // keeps the whole run under 500 MB (issue 12); the results table spills to the scratch file
  // (duckdb-sql: 250 MB; at 300 MB a 10⁷-record Parquet run peaked at 503–516 MB RSS — the Node
  // process with the compiled policy is ≈ 200 MB, and DuckDB allocates beyond its buffer manager —
  // and at 250 MB at 458 MB in the same CPU time; docs/benchmarks.md)
  const limit = o.engine === 'js' ? '256MB' : '250MB';
  const db = await DuckDBInstance.create(join(dir, 'scratch.duckdb'), { memory_limit: limit, threads: '2', preserve_insertion_order: 'false' });
  const c = await db.connect();
  let raw: RawResults | undefined;
  try {
    const schema = await parquetSchema(c, o.file);
    // duckdb-sql reads a typed Parquet column as its value (compiler/sql/rejects.ts typedSource)
    const sourceTypes = schema && o.engine === 'duckdb-sql' ? Object.fromEntries(schema.map((r) => [r.column_name, r.column_type])) : undefined;
    const lowerOpts = { asOf: o.asOf, parameters: o.parameters, outputs: o.outputs, source: 'POPULATION_SOURCE', idColumn: o.idColumn ?? null, groupColumn: o.groupBy ?? null, carry: shadowOn ? [SHADOW_COLUMN] : [] };
    const compiled = compileSql(ir, 'duckdb', { ...lowerOpts, ...(sourceTypes ? { sourceTypes } : {}) });
    if (!compiled.query) throw new PopulationError(compiled.diagnostics.map((d) => `${d.code} ${d.message.zh} / ${d.message.en}`).join('\n'));
    const query = compiled.query;
    const outputs = query.outputs;
    const parquetColumns = checkColumnTypes(schema, query.inputs);
    if (o.engine === 'duckdb-sql') {
      let rel = sqlSourceRelation(o.file, formatOf(o.file), query, parquetColumns);
      if (shadowOn) rel = shadowSource(rel, query, shadowStep(await estimateRecords(c, o.file), sample));
      // the records the fast query declines (XS011) are computed again at wider scales (declined.ts)
      const capture = declinedCapture(query, shadowOn);
      const D = dialects.duckdb!;
      // guard: the query that declines a record whose computation overflows DECIMAL(38) (XS013)
      // instead of failing, run only when the plain one raised an overflow (print.ts guardedLevel)
      const texts = (guard: boolean) => ({
        fast: capture ? printQuery(D, query, { values: true, early: capture, extra: [capture.name], guard }) : guard ? printQuery(D, query, { values: true, guard }) : compiled.valuesSql!,
        plain: guard ? printQuery(D, query, { values: true, guard }) : compiled.valuesSql!,
      });
      const wide = (inputScales: InputScales) => {
        const w = compileSql(ir, 'duckdb', { ...lowerOpts, sourceTypes: undefined, inputScales });
        const at = (sql: string) => (src: string) => sql.replace('FROM POPULATION_SOURCE', () => `FROM ${src}`);
        return w.query ? { query: w.query, sql: at(w.valuesSql!), guarded: at(printQuery(D, w.query, { values: true, guard: true })) } : null;
      };
      const run = (conn: DuckDBConnection, guard: boolean) => {
        const t = texts(guard);
        return runInSql(conn, {
          ir, asOf: o.asOf, parameters: o.parameters, idColumn: o.idColumn, groupBy: o.groupBy, query, sample: shadowOn ? sample : 0,
          sql: t.fast.replace('FROM POPULATION_SOURCE', () => `FROM ${rel}`),
          plainSql: t.plain.replace('FROM POPULATION_SOURCE', () => `FROM ${rel}`),
          ...(capture ? { wide } : {}),
          ...(o.declinedInTable ? { declinedInTable: true } : {}),
          ...(o.out ? { out: { file: o.out, format: formatOf(o.out) } } : {}),
        });
      };
      let s: Awaited<ReturnType<typeof runInSql>>;
      try {
        s = await run(c, false);
      } catch (e) {
        if (!isOverflow(e)) throw e;
        // once more, guarded, on a fresh connection (the first one's temporary tables are its own)
        await c.run('DROP TABLE IF EXISTS results');
        const c2 = await db.connect();
        try { s = await run(c2, true); } finally { c2.closeSync(); }
      }
      return { ...s, seconds: (performance.now() - t0) / 1000 };
    }
    raw = await evaluateInJs(db, c, ir, o, { file: o.file, format: formatOf(o.file) }, query);
    if (o.out) {
      // written beside the target and renamed into place: a failed or interrupted run leaves no
      // half-written results (the target was checked by cli/safeWrite.ts before the run)
      const fmt = formatOf(o.out);
      const opts = fmt === 'parquet' ? '(FORMAT parquet)' : fmt === 'csv' ? '(FORMAT csv, HEADER)' : '(FORMAT json)';
      const tmp = tempBeside(o.out);
      try {
        await c.run(`COPY (SELECT rec_id, reject, ${outputs.map((x) => q(x.name)).join(', ')} FROM results) TO ${lit(tmp)} ${opts}`);
      } catch (e) {
        discardTemp(tmp);
        throw e;
      }
      commitTemp(tmp, o.out);
    }
    const summary = await summarise(c, outputs, undefined, raw);
    const res: PopulationSummary = { ...summary, seconds: (performance.now() - t0) / 1000 };
    if (o.groupBy) {
      const keys = (await c.runAndReadAll('SELECT DISTINCT grp FROM results ORDER BY grp')).getRows().map((r) => (r[0] as string | null));
      res.groups = [];
      for (const k of keys) res.groups.push({ key: k, outputs: (await summarise(c, outputs, k, raw)).outputs });
    }
    return res;
  } finally {
    c.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

export { PopulationError };

/**
 * About how many records a file holds, for the shadow sample's hash step: Parquet from its
 * metadata, NDJSON/CSV from the file size and the lines of its first 256 KB. Only the sample's
 * size depends on it, never a result.
 */
async function estimateRecords(c: DuckDBConnection, file: string): Promise<number> {
  if (formatOf(file) === 'parquet') return Number((await c.runAndReadAll(`SELECT count(*) FROM read_parquet(${lit(file)})`)).getRows()[0]![0]);
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 256 * 1024));
    const n = readSync(fd, buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
    return lines === 0 ? 1 : Math.ceil(size / (n / lines));
  } finally {
    closeSync(fd);
  }
}

interface ParquetColumn { column_name: string; column_type: string }

/** A Parquet file's columns and their DuckDB types (undefined for other formats). */
async function parquetSchema(c: DuckDBConnection, file: string): Promise<ParquetColumn[] | undefined> {
  if (formatOf(file) !== 'parquet') return undefined;
  return (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(file)})`)).getRowObjectsJson() as unknown as ParquetColumn[];
}

/** Money columns typed DOUBLE/FLOAT in a Parquet file are an input error: binary floating point is never money. Returns a Parquet file's column names. */
function checkColumnTypes(rows: ParquetColumn[] | undefined, inputs: { name: string; type: string }[]): string[] | undefined {
  if (!rows) return undefined;
  for (const r of rows) {
    const i = inputs.find((x) => x.name === r.column_name);
    if (i && ['money', 'rate', 'number'].includes(i.type) && /DOUBLE|FLOAT|REAL/.test(r.column_type)) {
      throw new PopulationError(`输入列“${r.column_name}”是 ${r.column_type}，金额与比率必须是 DECIMAL 或文本 / input column '${r.column_name}' is ${r.column_type}; money and rates must be DECIMAL or text`);
    }
  }
  return rows.map((r) => r.column_name);
}

/** The summary's figures; with the JS run's raw table (`raw`), a money output's from its fen
 * BIGINT column and its rare text column, not from the view's texts parsed back. */
async function summarise(c: DuckDBConnection, outs: { name: string; type: string }[], group: string | null | undefined, raw?: RawResults): Promise<Omit<PopulationSummary, 'seconds'>> {
  const where = group === undefined ? '' : group === null ? 'WHERE grp IS NULL' : `WHERE grp = ${lit(group)}`;
  const numeric = outs.filter((x) => ['money', 'rate', 'number', 'integer'].includes(x.type));
  const cols = ['count(*) AS n', `count(reject) AS rej`];
  // text → DECIMAL(38) parses through hugeint (≈ 3 µs a value, 10 s over 10⁶ records × 4
  // outputs); the int64-backed DECIMAL(18) is ≈ 100× faster and exact, 38 digits only beyond it
  const dec = (col: string) => `COALESCE(CAST(TRY_CAST(${col} AS DECIMAL(18,6)) AS DECIMAL(38,6)), CAST(${col} AS DECIMAL(38,6)))`;
  // fen → yuan exactly: DECIMAL(38,0) × 0.01 is DECIMAL(38,2) (a product of DECIMALs is exact
  // or an error); once per aggregate, not per row. Both sides at one scale before least/greatest
  // (DuckDB would otherwise unify them at the smaller scale)
  const yuan = (agg: string) => `CAST(CAST(${agg} AS DECIMAL(38,0)) * CAST(0.01 AS DECIMAL(3,2)) AS DECIMAL(38,6))`;
  numeric.forEach((x, i) => {
    const r = raw?.columns.get(x.name);
    if (r?.fen !== undefined) {
      const o = r.fen, t = r.text;
      cols.push(
        `count(${o}) + count(${t}) AS c${i}`,
        `CAST(CAST(CASE WHEN count(${o}) + count(${t}) > 0 THEN COALESCE(${yuan(`sum(${o})`)}, 0) + COALESCE(sum(${dec(t)}), 0) END AS DECIMAL(38,6)) AS VARCHAR) AS s${i}`,
        `CAST(least(${yuan(`min(${o})`)}, min(${dec(t)})) AS VARCHAR) AS lo${i}`,
        `CAST(greatest(${yuan(`max(${o})`)}, max(${dec(t)})) AS VARCHAR) AS hi${i}`,
      );
      return;
    }
    const col = r?.text ?? q(x.name);
    const v = dec(col);
    cols.push(`count(${col}) AS c${i}`, `CAST(sum(${v}) AS VARCHAR) AS s${i}`, `CAST(min(${v}) AS VARCHAR) AS lo${i}`, `CAST(max(${v}) AS VARCHAR) AS hi${i}`);
  });
  const table = raw?.table ?? 'results';
  let row: Record<string, string | null>;
  try {
    row = (await c.runAndReadAll(`SELECT ${cols.join(', ')} FROM ${table} ${where}`)).getRowObjectsJson()[0] as Record<string, string | null>;
  } catch (e) {
    // a value or sum wider than DECIMAL(38, 6): the figures added up exactly in JS instead
    if (!tooWideForSummary(e)) throw e;
    const counts = (await c.runAndReadAll(`SELECT count(*) AS n FROM ${table} ${where}`)).getRowObjectsJson()[0] as Record<string, string>;
    const exact = await exactOutputSummaries(c, numeric, table, where, raw);
    row = { n: counts.n! };
    exact.forEach((x, i) => Object.assign(row, { [`c${i}`]: String(x.count), [`s${i}`]: x.sum, [`lo${i}`]: x.min, [`hi${i}`]: x.max }));
  }
  const trim = (s: string | null) => (s === null ? null : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  const rejected = (await c.runAndReadAll(`SELECT reject, count(*) FROM results ${where ? `${where} AND` : 'WHERE'} reject IS NOT NULL GROUP BY reject ORDER BY 2 DESC`)).getRows()
    .map((r) => ({ code: String(r[0]), count: Number(r[1]) }));
  return {
    records: Number(row.n),
    rejected,
    outputs: numeric.map((x, i) => ({ name: x.name, count: Number(row[`c${i}`]), sum: trim(row[`s${i}`]!), min: trim(row[`lo${i}`]!), max: trim(row[`hi${i}`]!) })),
  };
}
