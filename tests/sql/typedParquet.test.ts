// The duckdb-sql run reads typed Parquet columns as their values (compiler/sql/rejects.ts
// typedSource); the JS run reads them as DuckDB's text, and is the oracle: per record the same
// reject code and the same output texts. Negative, zero, max-scale, huge and NULL money; NULL,
// earliest and beyond-9999 dates; NULL booleans.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../../cli/policy.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { compileSql } from '../../compiler/sql/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'xize-typedpq-'));
const ir = compileFolder('provinces/national').result.ir!;
const parameters = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };
const outputs = ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额'];
const wages = ['3000.00', '-5.00', '0.00', '-0.00', '0.01', '1234.50', '9999999999999999.99', '-9999999999999999.99', null];
const dates = ["DATE '2024-03-01'", "DATE '0001-01-01'", "DATE '10000-01-01'", "DATE '1999-12-31'", 'NULL'];
const pensions = ['1000.00', '-0.01', '0.00', null];

async function rows(file: string): Promise<Map<string, Record<string, unknown>>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = (await c.runAndReadAll(`SELECT * FROM read_json('${file}', format = 'newline_delimited')`)).getRowObjectsJson() as Record<string, unknown>[];
  c.closeSync();
  return new Map(r.map((x) => [String(x.rec_id), x]));
}

describe('typed Parquet columns in duckdb-sql', () => {
  it('the query reads DECIMAL, DATE and BOOLEAN as values, not texts', () => {
    const q = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters, outputs, sourceTypes: { 月缴费工资: 'DECIMAL(18,2)', 受伤日期: 'DATE', 已退休: 'BOOLEAN' } }).sql!;
    expect(q).toContain('"月缴费工资" AS src');
    expect(q).not.toContain('CAST("月缴费工资" AS VARCHAR)');
    // a money of 3 places is text as before (the query cannot carry it: XS011)
    const q3 = compileSql(ir, 'duckdb', { asOf: '2024-06-01', parameters, outputs, sourceTypes: { 月缴费工资: 'DECIMAL(18,3)' } }).sql!;
    expect(q3).toContain('CAST("月缴费工资" AS VARCHAR)');
  });
  it('both engines agree record by record: codes and texts exact', async () => {
    const pq = join(dir, 'typed.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const v = (x: string | null, t: string) => (x === null ? `NULL::${t}` : `'${x}'::${t}`);
    const sel: string[] = [];
    let n = 0;
    for (const w of wages) for (const d of dates) for (const p of pensions) for (const b of ['true', 'false', 'NULL']) {
      sel.push(`SELECT 'r${n++}' AS id, ${v(w, 'DECIMAL(18,2)')} AS "月缴费工资", ${d}::DATE AS "受伤日期", '五级' AS "伤残等级", ${b}::BOOLEAN AS "已退休", ${v(p, 'DECIMAL(18,2)')} AS "基本养老金"`);
    }
    await c.run(`COPY (${sel.join(' UNION ALL ')}) TO '${pq}' (FORMAT parquet)`);
    // the JS oracle reads the same records with each typed value as DuckDB's text of it (what the
    // JS run reads from a typed column: '1234.50', '2024-03-01'), booleans as JSON booleans
    const nd = join(dir, 'typed.ndjson');
    await c.run(`COPY (SELECT id, CAST("月缴费工资" AS VARCHAR) AS "月缴费工资", CAST("受伤日期" AS VARCHAR) AS "受伤日期", "伤残等级", "已退休", CAST("基本养老金" AS VARCHAR) AS "基本养老金" FROM read_parquet('${pq}')) TO '${nd}' (FORMAT json)`);
    c.closeSync();
    const res: Map<string, Record<string, unknown>>[] = [];
    for (const engine of ['js', 'duckdb-sql'] as const) {
      const out = join(dir, `${engine}.ndjson`);
      await runPopulation(ir, { file: engine === 'js' ? nd : pq, asOf: '2024-06-01', parameters, outputs, engine, out, idColumn: 'id', shadow: 0 });
      res.push(await rows(out));
    }
    const [js, sql] = res as [Map<string, Record<string, unknown>>, Map<string, Record<string, unknown>>];
    expect(js.size).toBe(n);
    const codes = new Set<string>();
    for (const [id, r] of js) {
      expect(sql.get(id), id).toEqual(r);
      if (r.reject) codes.add(String(r.reject).split(':')[0]!);
    }
    // the cases reach the checks the typed path keeps: negative money (XI008), a date beyond 9999 (XI005)
    expect([...codes].sort()).toEqual(expect.arrayContaining(['XI005', 'XI008']));
    expect(readFileSync(nd, 'utf8')).toContain('"月缴费工资":"1234.50"'); // DuckDB's text of DECIMAL(18,2)
  }, 60_000);
});
