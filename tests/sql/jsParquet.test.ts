// The JS population run over a typed Parquet file (cli/population/typedColumns.ts): DATE,
// DECIMAL(18,2) and BOOLEAN columns read from DuckDB's vectors must give every record exactly
// the answer the same record gets from NDJSON, and the same summary (sums, rejects).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileFolder } from '../../cli/policy.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { columnReader, dateText, decimalText, parquetTypes } from '../../cli/population/typedColumns.ts';
import { valueFromText } from '../../cli/population/records.ts';

describe('JS population run over typed Parquet', () => {
  it('dateText and decimalText write what DuckDB CAST(… AS VARCHAR) writes', async () => {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    // every day from 1899 to 2101 (leap years 1900 (not), 2000 (yes), 2100 (not)) and both ends of years 1–9999
    const days: number[] = [];
    for (let d = -25567 - 366; d < 47848; d += 1) days.push(d);
    days.push(-719162, -719162 + 1, 2932896, 2932895); // 0001-01-01, 0001-01-02, 9999-12-31, 9999-12-30
    const rows = (await c.runAndReadAll(`SELECT CAST(DATE '1970-01-01' + CAST(d AS INTEGER) AS VARCHAR) FROM unnest([${days.join(',')}]) t(d)`)).getRows();
    days.forEach((d, i) => expect(dateText(d)).toBe(rows[i]![0]));
    expect(dateText(-719163)).toBeNull(); // 0000-12-31 (1 BC): left to DuckDB's own text
    const xs = [0, 1, -1, 5, -5, 50, -50, 99, 100, -100, 12345, -12345, 900719925474099, -900719925474099];
    for (const s of [0, 1, 2, 3]) {
      // x × 10^-s as an exact DECIMAL(18,s) (a product of DECIMALs is exact), printed by DuckDB
      const unit = s ? `0.${'0'.repeat(s - 1)}1` : '1';
      const got = (await c.runAndReadAll(`SELECT CAST(CAST(CAST(x AS DECIMAL(18,0)) * CAST('${unit}' AS DECIMAL(18,${s})) AS DECIMAL(18,${s})) AS VARCHAR) FROM unnest([${xs.join(',')}]::BIGINT[]) t(x)`)).getRows();
      xs.forEach((x, i) => {
        expect(decimalText(x, s)).toBe(got[i]![0]);
        expect(decimalText(BigInt(x), s)).toBe(got[i]![0]);
      });
    }
    expect(decimalText(-5, 2)).toBe('-0.05');
    expect(decimalText(1234550, 2)).toBe('12345.50');
    c.closeSync();
  });

  it('the same records from typed Parquet and NDJSON: same per-record texts, rejects and summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xize-jsparquet-'));
    const recs: Record<string, unknown>[] = [];
    const grades = ['一级', '五级', '七级', '十级'];
    for (let i = 0; i < 40; i++) {
      recs.push({ 编号: `r${i}`, 受伤日期: `20${18 + (i % 5)}-0${1 + (i % 9)}-${10 + (i % 18)}`, 工伤认定日期: `20${19 + (i % 5)}-01-15`, 月缴费工资: `${3000 + i * 731}.${String(i % 100).padStart(2, '0')}`, 伤残等级: grades[i % 4], 已退休: i % 3 === 0, 基本养老金: '3000.00' });
    }
    // zero money, negative money (rejected), NULLs (absent) in each typed column
    recs.push({ 编号: 'zero', 受伤日期: '2020-02-29', 工伤认定日期: '2021-01-15', 月缴费工资: '0.00', 伤残等级: '五级', 已退休: false, 基本养老金: '0.00' });
    recs.push({ 编号: 'neg', 受伤日期: '2020-03-01', 工伤认定日期: '2021-01-15', 月缴费工资: '-0.01', 伤残等级: '五级', 已退休: true, 基本养老金: '3000.00' });
    recs.push({ 编号: 'nodate', 工伤认定日期: '2021-01-15', 月缴费工资: '8000.00', 伤残等级: '五级', 已退休: true, 基本养老金: '3000.00' });
    recs.push({ 编号: 'nowage', 受伤日期: '2020-03-01', 工伤认定日期: '2021-01-15', 伤残等级: '一级', 基本养老金: '3000.00' });
    recs.push({ 编号: 'nopension', 受伤日期: '2020-03-01', 工伤认定日期: '2021-01-15', 月缴费工资: '8000.50', 伤残等级: '一级', 已退休: true });
    const nd = join(dir, 'p.ndjson');
    writeFileSync(nd, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const pq = join(dir, 'p.parquet');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const cols = `{'编号': 'VARCHAR', '受伤日期': 'DATE', '工伤认定日期': 'DATE', '月缴费工资': 'DECIMAL(18,2)', '伤残等级': 'VARCHAR', '已退休': 'BOOLEAN', '基本养老金': 'DECIMAL(18,2)'}`;
    await c.run(`COPY (SELECT * FROM read_json('${nd}', format = 'newline_delimited', columns = ${cols})) TO '${pq}' (FORMAT parquet)`);
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${pq}')`)).getRows().map((r) => `${r[0]} ${r[1]}`);
    expect(types).toContain('月缴费工资 DECIMAL(18,2)');
    expect(types).toContain('受伤日期 DATE');
    expect(types).toContain('已退休 BOOLEAN');
    // each typed reader gives per row exactly what the text path (CAST AS VARCHAR, valueFromText) gives
    const pt = await parquetTypes(c, pq);
    const typed = ['受伤日期', '工伤认定日期', '月缴费工资', '已退休', '基本养老金'];
    for (const kind of ['date', 'money', 'boolean', 'text']) {
      const chunk = (await (await c.stream(`SELECT ${typed.map((n) => `"${n}"`).join(', ')}, ${typed.map((n) => `CAST("${n}" AS VARCHAR)`).join(', ')} FROM read_parquet('${pq}')`)).fetchChunk())!;
      typed.forEach((n, k) => {
        const rd = columnReader(pt.get(n), kind);
        const tv = chunk.getColumnVector(typed.length + k);
        for (let r = 0; r < chunk.rowCount; r++) {
          const t = tv.getItem(r) as string | null;
          expect(rd(chunk.getColumnVector(k) as never, r)).toEqual(t === null ? undefined : valueFromText(kind, t));
        }
      });
    }
    c.closeSync();
    const ir = compileFolder('provinces/national').result.ir!;
    const parameters = { 统筹地区上年度职工月平均工资: '8123.45', 最低工资标准: '2490' };
    const outputs = ['本人工资', '一次性伤残补助金', '伤残津贴', '退休后伤残津贴差额'];
    const read = (f: string) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).sort((a, b) => String(a.rec_id).localeCompare(String(b.rec_id)));
    const run = async (file: string, out: string) => {
      const s = await runPopulation(ir, { file, asOf: '2024-06-01', parameters, outputs, engine: 'js', out, idColumn: '编号', shadow: 0 });
      return { summary: { ...s, seconds: 0 }, rows: read(out) };
    };
    const a = await run(nd, join(dir, 'a.ndjson'));
    const b = await run(pq, join(dir, 'b.ndjson'));
    expect(b.rows).toEqual(a.rows);
    expect(b.summary).toEqual(a.summary);
    // the cases are what they claim: negative wage rejected, zero wage accepted, a missing wage not a silent zero
    const by = new Map(a.rows.map((r) => [r.rec_id, r]));
    expect(by.get('neg')!.reject).toMatch(/^XI/);
    expect(by.get('zero')!.reject).toBeNull();
    expect(by.get('r1')!.本人工资).not.toBeNull();
    expect(a.summary.rejected.length).toBeGreaterThan(0);
    expect(a.rows.length).toBe(45);
  }, 60_000);
});
