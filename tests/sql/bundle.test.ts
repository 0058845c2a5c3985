// SQL job bundles (cli/population/bundle.ts) and their conformance check: a DuckDB bundle runs for
// real and agrees with the JS engine record by record; a Spark bundle for the national baseline and
// for a province parses with the Spark grammar; a changed expectation or a lost record is caught.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SparkSQL } from 'dt-sql-parser';
import { compileFolder } from '../../cli/policy.ts';
import { sqlBundle, type BundleDialect } from '../../cli/population/bundle.ts';
import { compareConformance, readExpected, readManifest, readResults, runDuckdbBundle } from '../../cli/population/conformance.ts';
import { NATIONAL_PARAMETERS } from './differential.ts';

const tmp = mkdtempSync(join(tmpdir(), 'xize-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(policyDir: string, dialect: BundleDialect, name: string, records = 300): string {
  const ir = compileFolder(policyDir).result.ir!;
  const b = sqlBundle(ir, { dialect, asOf: '2024-06-01', parameters: NATIONAL_PARAMETERS, records });
  expect(b.diagnostics).toEqual([]);
  const dir = join(tmp, name);
  for (const [f, text] of b.files) { mkdirSync(join(dir, f, '..'), { recursive: true }); writeFileSync(join(dir, f), text); }
  return dir;
}

describe('SQL job bundle', () => {
  it('the manifest names every input with its SQL type and every output; the pack has rejected and computed records', () => {
    const dir = write('provinces/national', 'spark', 'national-spark', 200);
    const m = readManifest(dir);
    expect(m).toMatchObject({ kind: 'xize-sql-bundle', version: 1, dialect: 'spark', policy: '全国', asOf: '2024-06-01', source: 'xize_population' });
    expect(m.inputs.find((i) => i.name === '本人工资' || i.name === '职工生前月工资')?.sqlType).toBe('DECIMAL(38,2)');
    expect(m.outputs.map((o) => o.name)).toContain('一次性伤残补助金');
    expect(m.resultColumns.slice(0, 3)).toEqual(['rec_id', 'grp', 'reject']);
    const expected = readExpected(dir);
    expect(expected).toHaveLength(200);
    expect(expected.filter((e) => e.rejected).length).toBeGreaterThan(0);
    const computed = expected.filter((e) => !e.rejected && e.outputs['一次性伤残补助金'] !== null);
    expect(computed.length).toBeGreaterThan(50);
    expect(readFileSync(join(dir, 'parameters.csv'), 'utf8')).toContain('统筹地区上年度职工月平均工资,8123.45');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('spark.sql.ansi.enabled=true');
  });

  it('a DuckDB bundle of the national baseline agrees with the JS engine on every record and output', async () => {
    const dir = write('provinces/national', 'duckdb', 'national-duckdb');
    const m = readManifest(dir);
    const rep = compareConformance(m, readExpected(dir), await runDuckdbBundle(dir, m));
    expect(rep.mismatches.slice(0, 3)).toEqual([]);
    expect(rep.missing).toEqual([]);
    expect(rep.compared).toBeGreaterThan(m.outputs.length * 200);
    expect(rep.rejected).toBeGreaterThan(0);
  }, 120_000);

  it('the check fails on a changed expectation, a missing record and a rejection that differs (results read back from NDJSON)', async () => {
    const dir = join(tmp, 'national-duckdb');
    const m = readManifest(dir);
    const rows = await runDuckdbBundle(dir, m);
    const expected = readExpected(dir);
    const computed = expected.slice(1).find((e) => !e.rejected && e.outputs['一次性伤残补助金'])!;
    const rejected = expected.slice(1).find((e) => e.rejected)!;
    // write the engine's results as a cluster would (NDJSON part files), then tamper with them
    const out = join(tmp, 'results');
    mkdirSync(out, { recursive: true });
    const lines = [...rows].filter(([id]) => id !== expected[0]!.id).map(([id, r]) => {
      const outputs = { ...r.outputs };
      if (id === computed.id) outputs['一次性伤残补助金'] = '0.01';
      return JSON.stringify({ rec_id: id, reject: id === rejected.id ? null : r.reject, ...outputs });
    });
    writeFileSync(join(out, 'part-00000.json'), lines.slice(0, 100).join('\n') + '\n');
    writeFileSync(join(out, 'part-00001.json'), lines.slice(100).join('\n') + '\n');
    writeFileSync(join(out, '_SUCCESS'), '');
    const rep = compareConformance(m, expected, await readResults(m, out));
    expect(rep.missing).toEqual([expected[0]!.id]);
    expect(rep.mismatches).toContainEqual({ id: computed.id, output: '一次性伤残补助金', expected: computed.outputs['一次性伤残补助金'], actual: '0.01' });
    expect(rep.mismatches.some((x) => x.id === rejected.id && x.output === '(reject)')).toBe(true);
  }, 120_000);

  it('Spark bundles of the national baseline and of 浙江 parse with the Spark SQL grammar', () => {
    const spark = new SparkSQL();
    for (const [policy, name] of [['provinces/national', 'national-spark'], ['provinces/zhejiang', 'zhejiang-spark']] as const) {
      const dir = name === 'national-spark' ? join(tmp, name) : write(policy, 'spark', name, 50);
      expect(spark.validate(readFileSync(join(dir, 'query.sql'), 'utf8'))).toEqual([]);
    }
  }, 240_000);
});
