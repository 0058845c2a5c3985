// Checks a SQL job bundle's conformance pack: the results an engine produced for
// conformance/records.ndjson against conformance/expected.ndjson (the JS engine's answers), per
// record per output as exact text, and the same records rejected. Results come from a file or a
// folder of part files (NDJSON or CSV with a header, as Spark and Trino write them), or, for a
// DuckDB bundle, from running query.sql in embedded DuckDB here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// DuckDB is a native addon: loaded when a bundle is run or a CSV read, not whenever the CLI starts
// (this module is imported by cli/commands/conformance.ts, which main.ts imports)
const duckdb = () => import('./duckdb.ts');
import type { BundleManifest, ExpectedRow } from './bundle.ts';
import { lit } from './sqlText.ts';

export interface ResultRow { reject: string | null; outputs: Record<string, string | null> }
export interface Mismatch { id: string; output: string; expected: string | null; actual: string | null }
export interface ConformanceReport {
  records: number; compared: number; rejected: number;
  mismatches: Mismatch[]; missing: string[]; unexpected: string[];
}

export class BundleError extends Error {
  constructor(readonly zh: string, readonly en: string) { super(en); }
}

export function readManifest(dir: string): BundleManifest {
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw new BundleError(`无法读取作业包清单 ${join(dir, 'manifest.json')}`, `cannot read the bundle manifest ${join(dir, 'manifest.json')}: ${(e as Error).message}`);
  }
  const ok = m !== null && typeof m === 'object' && (m as { kind?: unknown }).kind === 'xize-sql-bundle' && (m as { version?: unknown }).version === 1;
  if (!ok) throw new BundleError('manifest.json 不是 Xize SQL 作业包清单（kind: xize-sql-bundle, version: 1）', 'manifest.json is not a Xize SQL bundle manifest (kind: xize-sql-bundle, version: 1)');
  return m as BundleManifest;
}

function ndjsonRows(text: string, file: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    try {
      const v = JSON.parse(l) as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      return v as Record<string, unknown>;
    } catch (e) {
      throw new BundleError(`${file} 第 ${i + 1} 行不是 JSON 对象`, `${file} line ${i + 1} is not a JSON object: ${(e as Error).message}`);
    }
  });
}

export function readExpected(dir: string): ExpectedRow[] {
  const f = join(dir, 'conformance', 'expected.ndjson');
  let text: string;
  try { text = readFileSync(f, 'utf8'); } catch { throw new BundleError(`缺少 ${f}`, `missing ${f}`); }
  return ndjsonRows(text, f) as unknown as ExpectedRow[];
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));

function toResult(m: BundleManifest, r: Record<string, unknown>): [string, ResultRow] {
  const outputs: Record<string, string | null> = {};
  for (const o of m.outputs) outputs[o.name] = text(r[o.name]);
  return [String(r.rec_id ?? ''), { reject: text(r.reject), outputs }];
}

/** Results written by an engine: one NDJSON or CSV file, or a folder of part files. */
export async function readResults(m: BundleManifest, path: string): Promise<Map<string, ResultRow>> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => /\.(json|ndjson|csv)$/.test(f) && !f.startsWith('.') && !f.startsWith('_')).sort().map((f) => join(path, f))
      : [path];
  } catch {
    throw new BundleError(`无法读取结果 ${path}`, `cannot read the results ${path}`);
  }
  const out = new Map<string, ResultRow>();
  for (const f of files) {
    const rows = f.endsWith('.csv') ? await csvRows(f) : ndjsonRows(readFileSync(f, 'utf8'), f);
    for (const r of rows) { const [id, row] = toResult(m, r); out.set(id, row); }
  }
  return out;
}

async function csvRows(file: string): Promise<Record<string, unknown>[]> {
  const { DuckDBInstance } = await duckdb();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const res = await c.runAndReadAll(`SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)`);
    return res.getRowObjectsJson() as Record<string, unknown>[];
  } finally { c.closeSync(); }
}

/** Runs a DuckDB bundle's query.sql over its conformance records in embedded DuckDB. */
export async function runDuckdbBundle(dir: string, m: BundleManifest): Promise<Map<string, ResultRow>> {
  const cols = [...new Set([m.idColumn, ...m.inputs.map((i) => i.name)])];
  const struct = `{${cols.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}}`;
  const { DuckDBInstance } = await duckdb();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`CREATE VIEW ${m.source} AS SELECT * FROM read_json(${lit(join(dir, m.conformance.file))}, format = 'newline_delimited', columns = ${struct})`);
    const res = await c.runAndReadAll(readFileSync(join(dir, 'query.sql'), 'utf8'));
    const out = new Map<string, ResultRow>();
    for (const r of res.getRowObjectsJson() as Record<string, unknown>[]) { const [id, row] = toResult(m, r); out.set(id, row); }
    return out;
  } finally { c.closeSync(); }
}

export function compareConformance(m: BundleManifest, expected: ExpectedRow[], results: Map<string, ResultRow>): ConformanceReport {
  const rep: ConformanceReport = { records: expected.length, compared: 0, rejected: 0, mismatches: [], missing: [], unexpected: [] };
  const seen = new Set<string>();
  for (const e of expected) {
    seen.add(e.id);
    const r = results.get(e.id);
    if (!r) { rep.missing.push(e.id); continue; }
    if (e.rejected || r.reject !== null) {
      // the same code (rejectCode.ts); a pack written before codes agreed has no `reject`
      const want = e.reject === undefined ? (e.rejected ? r.reject : null) : e.reject;
      if (want !== r.reject || !e.rejected) rep.mismatches.push({ id: e.id, output: '(reject)', expected: e.reject ?? (e.rejected ? e.codes.join(',') : null), actual: r.reject });
      else rep.rejected++;
      continue;
    }
    for (const o of m.outputs) {
      rep.compared++;
      const want = e.outputs[o.name] ?? null, got = r.outputs[o.name] ?? null;
      if (want !== got) rep.mismatches.push({ id: e.id, output: o.name, expected: want, actual: got });
    }
  }
  for (const id of results.keys()) if (!seen.has(id)) rep.unexpected.push(id);
  return rep;
}
