// Differential run: the JS engine is the oracle; the SQL backend on embedded DuckDB must give
// the same text per record per output, and reject the same records.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileFolder } from '../../cli/policy.ts';
import { compileSql } from '../../compiler/sql/index.ts';
import { jsEngine } from '../../cli/population/engine.ts';
import { runSqlRows, sqlSourceRelation } from '../../cli/population/duckdbSql.ts';
import { moneyEdges, recordArb } from './population.gen.ts';

export const DISABILITY_OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴计算额', '伤残津贴最低工资补差', '伤残津贴', '伤残津贴核定额', '退休后伤残津贴差额', '一次性工伤医疗补助金', '一次性伤残就业补助金', '享受伤残津贴', '享受一次性工伤医疗补助金'];
export const NATIONAL_PARAMETERS: Record<string, string> = {
  统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490',
  五级一次性工伤医疗补助金: '50000', 六级一次性工伤医疗补助金: '40000', 七级一次性工伤医疗补助金: '30000', 八级一次性工伤医疗补助金: '20000', 九级一次性工伤医疗补助金: '10000', 十级一次性工伤医疗补助金: '5000',
  五级一次性伤残就业补助金: '25000', 六级一次性伤残就业补助金: '20000', 七级一次性伤残就业补助金: '15000', 八级一次性伤残就业补助金: '10000', 九级一次性伤残就业补助金: '5000', 十级一次性伤残就业补助金: '2500',
};

export interface Disagreement { id: string; output: string; js: string | null; sql: string | null; record: Record<string, unknown> }
export interface DifferentialReport { records: number; compared: number; computed: number; rejectedJs: number; rejectedSql: number; disagreements: Disagreement[] }

export async function runDifferential(opts: { policyDir: string; records: number; seed: number; asOf: string; outputs?: string[]; parameters?: Record<string, string> }): Promise<DifferentialReport> {
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
    const rows = await runSqlRows(sql, compiled.query);
    const js = jsEngine(ir, { asOf: opts.asOf, parameters, outputs });
    const report: DifferentialReport = { records: recs.length, compared: 0, computed: 0, rejectedJs: 0, rejectedSql: 0, disagreements: [] };
    const byId = new Map(rows.map((r) => [r.rec_id, r]));
    const jsResults = js.evaluateChunk(recs); // the batch API, as population runs use it
    recs.forEach((rec, i) => {
      const s = byId.get(String(i))!;
      const j = jsResults[i]!;
      if (j.rejected.length > 0) report.rejectedJs++;
      if (s.reject !== null) report.rejectedSql++;
      if ((j.rejected.length > 0) !== (s.reject !== null)) {
        report.disagreements.push({ id: String(i), output: '(rejected)', js: j.rejected.join(','), sql: s.reject, record: rec });
        return;
      }
      if (j.rejected.length > 0) return;
      for (const o of outputs) {
        report.compared++;
        const a = j.outputs[o] ?? null, b = s.outputs[o] ?? null;
        if (a !== null && a === b) report.computed++;
        if (a !== b) report.disagreements.push({ id: String(i), output: o, js: a, sql: b, record: rec });
      }
    });
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
