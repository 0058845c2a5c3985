// The auditors' population diff: every record of a file evaluated under two policies (or one
// policy at two as-of dates) in one pass — one DuckDB stream, each chunk handed to both JS
// engines (engine.ts) — and the old and new values appended to a scratch table; DuckDB then sums,
// counts the records affected and finds the largest increases and decreases per output.
// Bounded memory: chunks in, a file-backed, memory-limited scratch database out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { IrPolicy, XType } from '../../compiler/ir.ts';
import type { OutputDiff, PopulationDiffResult, RecordMove } from '../../compiler/diff/population.ts';
import { formatOf, PopulationError } from './run.ts';
import { jsEngine } from './engine.ts';
import { ident as q, lit } from './sqlText.ts';

export interface DiffSide { ir: IrPolicy; asOf: string; parameters: Record<string, string> }

export interface PopulationDiffOptions {
  file: string;
  old: DiffSide;
  new: DiffSide;
  /** outputs to compare (default: every money output both policies have) */
  outputs?: string[];
  idColumn?: string;
  /** how many largest increases and decreases to list per output (default 10) */
  top?: number;
  progress?: (done: number) => void;
}

const NUMERIC = new Set(['money', 'rate', 'number', 'integer']);

function outputsOf(ir: IrPolicy): Map<string, XType> {
  return new Map(ir.rules.filter((r) => r.params.length === 0).map((r) => [r.name, r.type]));
}

/** The outputs compared: the asked ones (each numeric in both), or every money output of both. */
export function comparedOutputs(oldIr: IrPolicy, newIr: IrPolicy, asked?: string[]): { name: string; type: OutputDiff['type'] }[] {
  const a = outputsOf(oldIr);
  const b = outputsOf(newIr);
  if (!asked) return [...b].filter(([n, t]) => t.kind === 'money' && a.get(n)?.kind === 'money').map(([name]) => ({ name, type: 'money' as const }));
  return asked.map((name) => {
    const t = b.get(name) ?? a.get(name);
    if (!t) throw new PopulationError(`两个政策都没有输出“${name}” / neither policy has an output '${name}'`);
    if (!NUMERIC.has(t.kind)) throw new PopulationError(`输出“${name}”不是数值（${t.kind}），无法求和 / output '${name}' is not numeric (${t.kind}); cannot be summed`);
    const other = a.get(name) ?? b.get(name)!;
    if (other.kind !== t.kind) throw new PopulationError(`输出“${name}”在两个政策中类型不同 / output '${name}' has different types in the two policies`);
    return { name, type: t.kind as OutputDiff['type'] };
  });
}

/** Input columns read from the file: the inputs of both policies. */
function inputColumns(oldIr: IrPolicy, newIr: IrPolicy): { name: string; type: string }[] {
  const m = new Map<string, string>();
  for (const ir of [oldIr, newIr]) for (const i of ir.inputs) if (!m.has(i.name)) m.set(i.name, i.type.kind);
  return [...m].map(([name, type]) => ({ name, type }));
}

function source(file: string, cols: string[]): string {
  const fmt = formatOf(file);
  if (fmt === 'ndjson') return `read_json(${lit(file)}, format = 'newline_delimited', columns = {${cols.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}})`;
  if (fmt === 'csv') return `read_csv(${lit(file)}, header = true, all_varchar = true)`;
  return `read_parquet(${lit(file)})`;
}

export async function runPopulationDiff(o: PopulationDiffOptions): Promise<PopulationDiffResult> {
  const t0 = performance.now();
  const outs = comparedOutputs(o.old.ir, o.new.ir, o.outputs);
  if (outs.length === 0) throw new PopulationError('没有可比较的数值输出 / no numeric output to compare');
  const inputs = inputColumns(o.old.ir, o.new.ir);
  const names = outs.map((x) => x.name);
  const dir = mkdtempSync(join(tmpdir(), 'xize-popdiff-'));
  const db = await DuckDBInstance.create(join(dir, 'scratch.duckdb'), { memory_limit: '400MB', threads: '2' });
  const c = await db.connect();
  try {
    // present columns only: a CSV/Parquet file need not carry every input of both policies
    const rel0 = source(o.file, [...new Set([...(o.idColumn ? [o.idColumn] : []), ...inputs.map((i) => i.name)])]);
    const present = new Set((await c.runAndReadAll(`DESCRIBE SELECT * FROM ${rel0}`)).getRows().map((r) => String(r[0])));
    if (o.idColumn && !present.has(o.idColumn)) throw new PopulationError(`文件中没有编号列“${o.idColumn}” / the file has no id column '${o.idColumn}'`);
    const cols = inputs.filter((i) => present.has(i.name));
    await c.run(`CREATE TABLE moves (seq BIGINT, rec_id VARCHAR, old_reject VARCHAR, new_reject VARCHAR, ${names.flatMap((n, k) => [`o${k} VARCHAR`, `n${k} VARCHAR`]).join(', ')})`);
    const src = await db.connect();
    const idSel = o.idColumn ? `CAST(${q(o.idColumn)} AS VARCHAR)` : 'NULL';
    const stream = await src.stream(`SELECT ${idSel} AS rec_id${cols.map((x) => `, CAST(${q(x.name)} AS VARCHAR)`).join('')} FROM ${rel0}`);
    const app = await c.createAppender('moves');
    const oldJs = jsEngine(o.old.ir, { asOf: o.old.asOf, parameters: o.old.parameters, outputs: names });
    const newJs = jsEngine(o.new.ir, { asOf: o.new.asOf, parameters: o.new.parameters, outputs: names });
    let done = 0;
    for (;;) {
      const chunk = await stream.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const rows = chunk.getRows();
      const recs = rows.map((row) => {
        const rec: Record<string, unknown> = {};
        cols.forEach((x, k) => {
          const v = row[k + 1];
          if (v === null || v === undefined) return;
          const s = String(v);
          rec[x.name] = x.type === 'boolean' ? (s === 'true' ? true : s === 'false' ? false : s) : x.type === 'integer' && /^-?\d+$/.test(s) ? Number(s) : s;
        });
        return rec;
      });
      const a = oldJs.evaluateChunk(recs);
      const b = newJs.evaluateChunk(recs);
      const put = (v: string | null | undefined) => (v === null || v === undefined ? app.appendNull() : app.appendVarchar(v));
      rows.forEach((row, i) => {
        app.appendBigInt(BigInt(done + i + 1));
        put(row[0] === null || row[0] === undefined ? null : String(row[0]));
        put(a[i]!.reject);
        put(b[i]!.reject);
        for (const n of names) { put(a[i]!.outputs[n]); put(b[i]!.outputs[n]); }
        app.endRow();
      });
      done += rows.length;
      o.progress?.(done);
    }
    app.flushSync();
    app.closeSync();
    src.closeSync();
    const result: PopulationDiffResult = { records: done, rejected: { old: await rejects(c, 'old_reject'), new: await rejects(c, 'new_reject') }, outputs: [], seconds: 0 };
    for (let k = 0; k < outs.length; k++) result.outputs.push(await outputDiff(c, k, outs[k]!, o.top ?? 10));
    result.seconds = (performance.now() - t0) / 1000;
    return result;
  } finally {
    c.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rejects(c: DuckDBConnection, col: string): Promise<{ code: string; count: number }[]> {
  return (await c.runAndReadAll(`SELECT ${col}, count(*) FROM moves WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`)).getRows().map((r) => ({ code: String(r[0]), count: Number(r[1]) }));
}

/** Exact decimal text without trailing zeros of a DECIMAL aggregate. */
function trim(s: string | null): string {
  if (s === null) return '0';
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

async function outputDiff(c: DuckDBConnection, k: number, out: { name: string; type: OutputDiff['type'] }, top: number): Promise<OutputDiff> {
  // DECIMAL(38,10): exact sums (no floating point) of outputs with up to 10 places (money has 2);
  // 28 integer digits hold 10^7 records of any benefit
  const ov = `CAST(o${k} AS DECIMAL(38,10))`;
  const nv = `CAST(n${k} AS DECIMAL(38,10))`;
  const delta = `(coalesce(${nv}, 0) - coalesce(${ov}, 0))`;
  const differs = `(${ov} IS DISTINCT FROM ${nv})`;
  const r = (await c.runAndReadAll(`SELECT count(${ov}), count(${nv}), CAST(sum(${ov}) AS VARCHAR), CAST(sum(${nv}) AS VARCHAR),
      count(*) FILTER (WHERE ${differs}), count(*) FILTER (WHERE ${delta} > 0), count(*) FILTER (WHERE ${delta} < 0),
      count(*) FILTER (WHERE ${ov} IS NULL AND ${nv} IS NOT NULL), count(*) FILTER (WHERE ${ov} IS NOT NULL AND ${nv} IS NULL),
      CAST(coalesce(sum(${nv}), 0) - coalesce(sum(${ov}), 0) AS VARCHAR) FROM moves`)).getRows()[0]!;
  const moves = async (dir: 'DESC' | 'ASC', cmp: string): Promise<RecordMove[]> =>
    (await c.runAndReadAll(`SELECT coalesce(rec_id, '#' || seq), o${k}, n${k}, CAST(${delta} AS VARCHAR) FROM moves WHERE ${delta} ${cmp} 0 ORDER BY ${delta} ${dir}, seq LIMIT ${Math.max(0, Math.floor(top))}`))
      .getRows().map((x) => ({ id: String(x[0]), old: x[1] === null ? null : String(x[1]), new: x[2] === null ? null : String(x[2]), difference: trim(String(x[3])) }));
  return {
    name: out.name, type: out.type,
    oldCount: Number(r[0]), newCount: Number(r[1]), oldSum: trim(r[2] as string | null), newSum: trim(r[3] as string | null), difference: trim(r[9] as string | null),
    affected: Number(r[4]), increased: Number(r[5]), decreased: Number(r[6]), appeared: Number(r[7]), vanished: Number(r[8]),
    largestIncreases: await moves('DESC', '>'), largestDecreases: await moves('ASC', '<'),
  };
}
