// xize run --population through both engines on a small hand-worked population.
// avg wage 8123.45: floor 60 % = 4874.07, cap 300 % = 24370.35 (条例第六十四条).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFolder } from '../../cli/policy.ts';
import { runPopulation } from '../../cli/population/run.ts';

const dir = mkdtempSync(join(tmpdir(), 'xize-poptest-'));
const file = join(dir, 'p.ndjson');
writeFileSync(file, [
  { id: 'a', region: '杭州', 受伤日期: '2024-03-01', 月缴费工资: '3000.00', 伤残等级: '五级' }, // 4874.07 × 18 = 87733.26
  { id: 'b', region: '宁波', 受伤日期: '2024-03-01', 月缴费工资: '60000.00', 伤残等级: '一级' }, // 24370.35 × 27 = 657999.45; 津贴 × 90 % = 21933.315 → 21933.32
  { id: 'c', region: '杭州', 受伤日期: '2024-03-01', 月缴费工资: 'x', 伤残等级: '一级' }, // rejected
].map((r) => JSON.stringify(r)).join('\n') + '\n');
const ir = compileFolder('provinces/national').result.ir!;
const parameters = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };

describe('population runs', () => {
  for (const engine of ['js', 'duckdb-sql'] as const) {
    it(`${engine}: outputs written, summarised, grouped, rejects counted`, async () => {
      const out = join(dir, `out-${engine}.csv`);
      const s = await runPopulation(ir, { file, asOf: '2024-06-01', parameters, outputs: ['本人工资', '一次性伤残补助金', '伤残津贴'], engine, out, groupBy: 'region', idColumn: 'id' });
      expect(s.records).toBe(3);
      expect(s.rejected.reduce((x, r) => x + r.count, 0)).toBe(1);
      const by = Object.fromEntries(s.outputs.map((o) => [o.name, o]));
      expect(by['本人工资']).toMatchObject({ count: 2, sum: '29244.42', min: '4874.07', max: '24370.35' });
      expect(by['一次性伤残补助金']).toMatchObject({ count: 2, sum: '745732.71' }); // 87733.26 + 657999.45
      expect(by['伤残津贴']).toMatchObject({ count: 1, sum: '21933.32' });
      expect(s.groups!.find((g) => g.key === '杭州')!.outputs[0]).toMatchObject({ count: 1, sum: '4874.07' });
      expect(readFileSync(out, 'utf8')).toContain('b,,24370.35,657999.45,21933.32');
    }, 30_000);
  }
  it('duckdb-sql without an output file (one streaming aggregation, no results table): the same figures', async () => {
    const s = await runPopulation(ir, { file, asOf: '2024-06-01', parameters, outputs: ['本人工资', '一次性伤残补助金', '伤残津贴'], engine: 'duckdb-sql', groupBy: 'region', idColumn: 'id' });
    expect(s.records).toBe(3);
    expect(s.rejected).toEqual([{ code: 'XI004:月缴费工资', count: 1 }]);
    const by = Object.fromEntries(s.outputs.map((o) => [o.name, o]));
    expect(by['本人工资']).toMatchObject({ count: 2, sum: '29244.42', min: '4874.07', max: '24370.35' });
    expect(by['一次性伤残补助金']).toMatchObject({ count: 2, sum: '745732.71', min: '87733.26', max: '657999.45' });
    expect(by['伤残津贴']).toMatchObject({ count: 1, sum: '21933.32', min: '21933.32', max: '21933.32' });
    // groups in key order; 杭州 holds a (computed) and c (rejected), 宁波 holds b
    expect(s.groups!.map((g) => g.key)).toEqual(['宁波', '杭州'].sort());
    const g = Object.fromEntries(s.groups!.map((x) => [x.key, Object.fromEntries(x.outputs.map((o) => [o.name, o]))]));
    expect(g['杭州']!['本人工资']).toMatchObject({ count: 1, sum: '4874.07' });
    expect(g['宁波']!['伤残津贴']).toMatchObject({ count: 1, sum: '21933.32' });
    expect(g['杭州']!['伤残津贴']).toMatchObject({ count: 0, sum: null, min: null, max: null }); // 五级 has no 伤残津贴 here
    expect(s.shadow!.checked).toBe(3);
  }, 30_000);
  it('a DOUBLE money column in Parquet is an input error', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const pq = join(dir, 'double.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT 3000.0::DOUBLE AS "月缴费工资", DATE '2024-03-01' AS "受伤日期") TO '${pq}' (FORMAT parquet)`);
    c.closeSync();
    await expect(runPopulation(ir, { file: pq, asOf: '2024-06-01', parameters, outputs: ['本人工资'], engine: 'js' })).rejects.toThrow(/DOUBLE/);
  }, 30_000);
});
