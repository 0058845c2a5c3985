// Differential run: the JS engine is the oracle; the SQL backend on embedded DuckDB must give
// the same text per record per output, and reject the same records with the same code
// (cli/population/rejectCode.ts). Both read the records as a population run does: one NDJSON
// file read by DuckDB (sourceRelation), handed to the JS engine as the JS population run hands
// it over (records.ts: NULL is absent, columns that are no input are not read). A record SQL
// declines (XS011) must hold a value with more places than SQL carries (rejects.ts declinedText).
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../../cli/policy.ts';
import { compileSql, type SqlQuery } from '../../compiler/sql/index.ts';
import { declinedText } from '../../compiler/sql/rejects.ts';
import { jsEngine } from '../../cli/population/engine.ts';
import { runSqlRows, sourceRelation, sqlSourceRelation, type SqlRow } from '../../cli/population/duckdbSql.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { passScales } from '../../cli/population/declined.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import { recordFromText } from '../../cli/population/records.ts';
import { compareRecord } from '../../cli/population/rejectCode.ts';
import { ident as q } from '../../cli/population/sqlText.ts';
import { moneyEdges, recordArb } from './population.gen.ts';

export const DISABILITY_OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴计算额', '伤残津贴最低工资补差', '伤残津贴', '伤残津贴核定额', '退休后伤残津贴差额', '一次性工伤医疗补助金', '一次性伤残就业补助金', '享受伤残津贴', '享受一次性工伤医疗补助金'];
export const NATIONAL_PARAMETERS: Record<string, string> = {
  统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490',
  五级一次性工伤医疗补助金: '50000', 六级一次性工伤医疗补助金: '40000', 七级一次性工伤医疗补助金: '30000', 八级一次性工伤医疗补助金: '20000', 九级一次性工伤医疗补助金: '10000', 十级一次性工伤医疗补助金: '5000',
  五级一次性伤残就业补助金: '25000', 六级一次性伤残就业补助金: '20000', 七级一次性伤残就业补助金: '15000', 八级一次性伤残就业补助金: '10000', 九级一次性伤残就业补助金: '5000', 十级一次性伤残就业补助金: '2500',
};

export interface Disagreement { id: string; output: string; js: string | null; sql: string | null; record: Record<string, unknown> }
export interface DifferentialReport {
  records: number; compared: number; computed: number; rejectedJs: number; rejectedSql: number;
  /** records JS computed and SQL declined (XS011), each checked against declinedText */
  declinedSql: number;
  /** reject codes seen (JS), by code without the path, for the tests to see every class */
  codes: Record<string, number>;
  disagreements: Disagreement[];
}

/** The records of `file` as the JS population run reads them (jsRun.ts/shadow.ts: records.ts). */
export async function populationRecords(file: string, query: SqlQuery): Promise<Map<string, Record<string, unknown>>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const names = query.inputs.map((i) => i.name);
    const rows = (await c.runAndReadAll(`SELECT CAST(${q(query.idColumn!)} AS VARCHAR), ${names.map((n) => `CAST(${q(n)} AS VARCHAR)`).join(', ')} FROM ${sourceRelation(file, 'ndjson', query)}`)).getRows();
    return new Map(rows.map((r) => [String(r[0]), recordFromText(names, query.inputs.map((i) => i.type), r, 1)]));
  } finally {
    c.closeSync();
  }
}

/**
 * The scales a second pass carries `text` at (cli/population/declined.ts): the places it has,
 * trailing zeros aside (a percentage's two more, a per mille's three), at least the fast ones.
 */
export function ownScales(kind: string, text: string) {
  const m = /^(.*?)\s*(%|‰)?$/.exec(text)!;
  const places = (/[.]([0-9]*[1-9])/.exec(m[1]!)?.[1]?.length ?? 0) + (m[2] === '%' ? 2 : m[2] === '‰' ? 3 : 0);
  return kind === 'money' ? passScales(places, 0) : passScales(0, places);
}

/** The SQL rows of a population run (`xize run --engine duckdb-sql`, its second passes included), read back from its NDJSON output. */
async function runRows(ir: IrPolicy, file: string, dir: string, opts: { asOf: string; parameters: Record<string, string>; outputs: string[] }): Promise<SqlRow[]> {
  const out = join(dir, 'sql.ndjson');
  await runPopulation(ir, { file, asOf: opts.asOf, parameters: opts.parameters, outputs: opts.outputs, engine: 'duckdb-sql', out, idColumn: 'id', shadow: 0 });
  return readFileSync(out, 'utf8').trim().split('\n').map((l) => {
    const r = JSON.parse(l) as Record<string, string | null>;
    return { rec_id: r.rec_id ?? null, reject: r.reject ?? null, outputs: Object.fromEntries(opts.outputs.map((o) => [o, r[o] ?? null])) };
  });
}

/**
 * `viaRun`: SQL's rows from a population run (its second passes over the records the fast query
 * declines included), and a remaining decline must be a value that does not fit even at its own
 * places (ownScales); otherwise from the fast query alone, a decline held to the fast scales.
 */
export async function runDifferential(opts: { policyDir: string; records: number; seed: number; asOf: string; outputs?: string[]; parameters?: Record<string, string>; viaRun?: boolean }): Promise<DifferentialReport> {
  const outputs = opts.outputs ?? DISABILITY_OUTPUTS;
  const parameters = opts.parameters ?? NATIONAL_PARAMETERS;
  const cf = compileFolder(opts.policyDir);
  const ir = cf.result.ir!;
  const compiled = compileSql(ir, 'duckdb', { asOf: opts.asOf, parameters, outputs, source: 'POPULATION_SOURCE', idColumn: 'id' });
  if (!compiled.query) throw new Error(compiled.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('\n'));
  const recs = fc.sample(recordArb(ir, moneyEdges(ir, parameters)), { numRuns: opts.records, seed: opts.seed });
  const dir = mkdtempSync(join(tmpdir(), 'xize-diff-'));
  const file = join(dir, 'population.ndjson');
  try {
    writeFileSync(file, recs.map((r, i) => JSON.stringify({ id: String(i), ...r })).join('\n') + '\n');
    const sql = compiled.sql!.replace('FROM POPULATION_SOURCE', () => `FROM ${sqlSourceRelation(file, 'ndjson', compiled.query!)}`);
    const rows = opts.viaRun ? await runRows(ir, file, dir, { asOf: opts.asOf, parameters, outputs }) : await runSqlRows(sql, compiled.query);
    const read = await populationRecords(file, compiled.query);
    const kinds = new Map(ir.inputs.map((f) => [f.name, f.type.kind]));
    const js = jsEngine(ir, { asOf: opts.asOf, parameters, outputs });
    const report: DifferentialReport = { records: recs.length, compared: 0, computed: 0, rejectedJs: 0, rejectedSql: 0, declinedSql: 0, codes: {}, disagreements: [] };
    const byId = new Map(rows.map((r) => [r.rec_id, r]));
    const ids = recs.map((_, i) => String(i));
    const jsResults = js.evaluateChunk(ids.map((id) => read.get(id)!)); // the batch API, as population runs use it
    ids.forEach((id, i) => {
      const rec = recs[i]!;
      const s = byId.get(id)!;
      const j = jsResults[i]!;
      if (j.reject !== null) { report.rejectedJs++; const k = j.reject.split(':')[0]!; report.codes[k] = (report.codes[k] ?? 0) + 1; }
      if (s.reject !== null) report.rejectedSql++;
      const cmp = compareRecord(j, s, outputs);
      if (cmp === 'reject') { report.disagreements.push({ id, output: '(rejected)', js: j.reject, sql: s.reject, record: rec }); return; }
      if (cmp === 'declined') {
        // XS011:<input> only for a value declinedText says SQL cannot carry
        const input = s.reject!.slice('XS011:'.length);
        const text = read.get(id)![input];
        const kind = kinds.get(input) ?? '';
        if (!s.reject!.startsWith('XS011:') || typeof text !== 'string' || !declinedText(kind, text, opts.viaRun ? ownScales(kind, text) : undefined)) report.disagreements.push({ id, output: '(declined)', js: null, sql: s.reject, record: rec });
        else report.declinedSql++;
        return;
      }
      if (j.reject !== null) return;
      for (const o of outputs) {
        report.compared++;
        const a = j.outputs[o] ?? null, b = s.outputs[o] ?? null;
        if (a !== null && a === b) report.computed++;
        if (a !== b) report.disagreements.push({ id, output: o, js: a, sql: b, record: rec });
      }
    });
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
