// The JS population run's results table (cli/population/jsRun.ts): money stored as BIGINT fen
// and written back as text by a view must give exactly the texts the JS engine wrote, and the
// JS run must give the same record texts as the SQL engine over a generated population.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../../cli/policy.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { MONEY_TEXT, fenText } from '../../cli/population/jsRun.ts';
import { moneyScaledText, toScaled } from '../../runtime/fen.ts';
import { writePopulation } from '../../bench/populationGen.ts';
import { givenColumns } from '../../cli/population/givenColumns.ts';
import { writeFileSync } from 'node:fs';

describe('JS population results', () => {
  it('fen BIGINT → text in SQL equals the JS money text, and only such texts are stored as fen', async () => {
    const ns = [0, 1, 5, 9, 10, 99, 100, 101, 150, 12345, 100000, 2437035, 900719925474099, -1, -5, -99, -100, -150, -2437035];
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await c.runAndReadAll(`SELECT ${fenText('x')} FROM (VALUES ${ns.map((n) => `(${n}::BIGINT)`).join(', ')}) t(x)`)).getRows();
    ns.forEach((n, i) => {
      const t = moneyScaledText(n, 2);
      expect(rows[i]![0]).toBe(t);
      expect(MONEY_TEXT.test(t)).toBe(true);
      expect(toScaled(t, 2)).toBe(n);
    });
    // texts the view could not give back stay texts
    for (const t of ['-0.00', '1.5', '01.00', '1', '1.000', '', '-', '.50']) expect(MONEY_TEXT.test(t)).toBe(false);
    c.closeSync();
  });

  it('js and duckdb-sql give the same text per record and output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xize-jsrun-'));
    const file = join(dir, 'p.ndjson');
    await writePopulation(file, 600);
    const ir = compileFolder('provinces/national').result.ir!;
    const parameters = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };
    const outputs = ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额', '一次性工亡补助金', '丧葬补助金'];
    const read = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).sort((a, b) => String(a.rec_id).localeCompare(String(b.rec_id)));
    const got: Record<string, Record<string, unknown>[]> = {};
    for (const engine of ['js', 'duckdb-sql'] as const) {
      const out = join(dir, `${engine}.ndjson`);
      await runPopulation(ir, { file, asOf: '2024-06-01', parameters, outputs, engine, out, idColumn: '编号', shadow: 0 });
      got[engine] = read(out);
    }
    expect(got.js!.length).toBe(600);
    const values = (r: Record<string, unknown>) => outputs.map((k) => r[k] ?? null);
    got.js!.forEach((r, i) => expect([r.rec_id, ...values(r)]).toEqual([got['duckdb-sql']![i]!.rec_id, ...values(got['duckdb-sql']![i]!)]));
    expect(got.js!.filter((r) => r['一次性工亡补助金'] !== null && r['一次性工亡补助金'] !== undefined).length).toBeGreaterThan(100);
  }, 60_000);

  it('reads only the columns an NDJSON file gives; a non-object line or a CSV keeps them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xize-given-'));
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const names = ['a', 'B', 'c', 'd'];
    const f = join(dir, 'p.ndjson');
    // 'b' is not 'B' (read_json matches keys exactly); 'c' only in the last record; 'x' undeclared
    writeFileSync(f, '{"a":"1","b":"2"}\n{"a":null}\n{"x":1,"c":"3"}\n');
    expect([...(await givenColumns(c, f, 'ndjson', names))].sort()).toEqual(['a', 'c']);
    writeFileSync(f, '{"x":"1"}\n');
    expect([...(await givenColumns(c, f, 'ndjson', names))]).toEqual(names);
    writeFileSync(f, '{"a":"1"}\n[1,2]\n');
    expect([...(await givenColumns(c, f, 'ndjson', names))]).toEqual(names);
    writeFileSync(f, '{"a":"1"\n');
    expect([...(await givenColumns(c, f, 'ndjson', names))]).toEqual(names);
    expect([...(await givenColumns(c, join(dir, 'p.csv'), 'csv', names))]).toEqual(names);
    c.closeSync();
  });

  it('over several chunks with rejected records: the same texts, rejects and summary as duckdb-sql', async () => {
    // 5000 records are three DuckDB chunks: the JS run reuses its output chunk and skips writing a
    // column that was all NULL before, so a chunk with rejects between chunks without must read back right
    const dir = mkdtempSync(join(tmpdir(), 'xize-jsrun-chunks-'));
    const base = join(dir, 'base.ndjson');
    await writePopulation(base, 5000);
    const lines = readFileSync(base, 'utf8').trim().split('\n').map((l, i) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      // rejects only in the middle chunk, every 97th record there: a bad wage and a bad grade
      if (i >= 2048 && i < 4096 && i % 97 === 0) {
        if ('月缴费工资' in r) r['月缴费工资'] = '-5.00';
        else r['工亡情形'] = '不是情形';
      }
      return JSON.stringify(r);
    });
    const file = join(dir, 'p.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const ir = compileFolder('provinces/national').result.ir!;
    const parameters = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };
    const outputs = ['本人工资', '伤残津贴', '一次性工亡补助金'];
    const got: Record<string, Record<string, unknown>[]> = {};
    const sums: Record<string, unknown> = {};
    for (const engine of ['js', 'duckdb-sql'] as const) {
      const out = join(dir, `${engine}.ndjson`);
      const s = await runPopulation(ir, { file, asOf: '2024-06-01', parameters, outputs, engine, out, idColumn: '编号', shadow: 0 });
      sums[engine] = s.outputs;
      got[engine] = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).sort((a, b) => String(a.rec_id).localeCompare(String(b.rec_id)));
    }
    const rejected = got.js!.filter((r) => r.reject !== null && r.reject !== undefined).length;
    expect(rejected).toBe(21); // multiples of 97 in [2048, 4096): 97·22 = 2134 … 97·42 = 4074, 21 of them
    got.js!.forEach((r, i) => {
      const q = got['duckdb-sql']![i]!;
      expect([r.rec_id, r.reject === null || r.reject === undefined, ...outputs.map((k) => r[k] ?? null)]).toEqual([q.rec_id, q.reject === null || q.reject === undefined, ...outputs.map((k) => q[k] ?? null)]);
    });
    expect(sums.js).toEqual(sums['duckdb-sql']);
  }, 120_000);
});
