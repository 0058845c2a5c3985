// The one population reject code per record (cli/population/rejectCode.ts, compiler/sql/
// rejects.ts): hand-written records per input class, the code worked out from the schema the
// policy below generates (runtime/validate.ts conventions: ajv reports missing required inputs
// first, then each input in declaration order, the type before the syntax before the bounds),
// run through both population engines and, where a population reads the record as the case API
// does, the JS engine's API as well.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { runPopulation } from '../../cli/population/run.ts';
import { populationReject } from '../../cli/population/rejectCode.ts';
import DecimalJs from 'decimal.js';
// sums of figures up to 37 integer digits, exactly (the default 20 significant digits would round them)
const Decimal = DecimalJs.clone({ precision: 100 });

const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
枚举 档 { 甲, 乙 }
输入 {
  工资: 金额
  调整?: 金额 范围 -50元..50元
  比例?: 比率
  人数?: 整数
  在职?: 布尔
  档次?: 档
  日期?: 日期
  系数?: 数值
  月数?: 月数
  备注?: 文本
  明细?: 列表[金额]
  期数?: 月数 范围 1个月..12个月
  浮动?: 比率 范围 -10%..10%
}
规则 结果: 金额 依据 "测" = 工资 × 比例
`;
const ir = compilePolicy({ files: [{ path: 't.xize', text: TEXT }] }).ir!;
const api = loadPolicy(ir);
const AS_OF = '2024-06-01';

// [record, population reject code (both engines), 结果 (JS), SQL's decline when it differs]
const CASES: [Record<string, unknown>, string | null, string | null, string?][] = [
  [{ 工资: '1000', 比例: '30%' }, null, '300.00'], // 1000 × 0.30
  [{ 工资: '1000', 比例: '5‰' }, null, '5.00'], // 1000 × 0.005
  [{ 工资: '1000', 比例: '12.5\u3000%' }, null, '125.00'], // JS \s takes the ideographic space: 1000 × 0.125
  [{ 工资: '1', 比例: '-30%' }, 'XI008:比例', null], // a rate is at least 0 without 范围 (pattern, a rate text)
  [{ 工资: '1', 比例: -0.3 }, 'XI008:比例', null], // the same as a JSON number (minimum 0)
  [{ 工资: '1000', 比例: '-0%' }, null, '0.00'], // −0 % is zero: 1000 × 0
  [{ 工资: '1', 比例: '1', 系数: '-2' }, 'XI008:系数', null], // a 数值 is at least 0 without 范围
  [{ 工资: 1000.5, 比例: '10%' }, null, '100.05'], // a JSON number is money too: 1000.5 × 0.1 = 100.05
  [{ 工资: '1000.500', 比例: '0.3' }, null, '300.15'], // trailing zeros: 1000.50 exactly, × 0.3 = 300.15
  // more places than the fast query carries (money 2, rates 6): computed by a second pass at the places they have
  [{ 工资: '1000.005', 比例: '0.3' }, null, '300.00'], // 300.0015 → 300.00
  [{ 工资: '1', 比例: '0.1234567' }, null, '0.12'], // 0.1234567 → 0.12
  [{ 工资: '0.015', 比例: '1' }, null, '0.02'], // a tie at the third place: 0.015 → 0.02 half up (not 0.01, not cut to 0.01 at 2 places)
  [{ 工资: '1000.125', 比例: '0.5' }, null, '500.06'], // 500.0625 → 500.06
  [{ 工资: '1000', 比例: '12.345675%' }, null, '123.46'], // 0.12345675 (8 places: 6 + the percentage's 2) × 1000 = 123.45675 → 123.46
  [{ 工资: '1000', 比例: '0.0000005' }, null, '0.00'], // 0.0005 → 0.00
  [{ 工资: '2000.0050', 比例: '0.1000000' }, null, '200.00'], // trailing zeros need no places: 2000.005 × 0.1 = 200.0005 → 200.00
  [{ 工资: '1000.001', 比例: '0.0000001' }, null, '0.00'], // both at once (money 3, rate 7): 0.0001000001 → 0.00
  // what no DECIMAL(38, s) holds: a rate of 39 places (JS computes 1000 × 10⁻³⁹ = 0.00)
  [{ 工资: '1000', 比例: `0.${'0'.repeat(38)}1` }, null, '0.00', 'XS011:比例'],
  // values DECIMAL(38, 5) and (38, 7) hold, whose product has 19 integer digits at 12 places: the
  // exact rounding once scaled it to an integer (31 + 12 digits: an overflow, the record stayed
  // declined); it rounds in DECIMAL(38) now (round.ts wideRound). 10¹⁹ × 0.1234567 =
  // 1234567000000000000, + 0.00001 × 0.1234567 = 0.000001234567 → 1234567000000000000.00
  [{ 工资: `1${'0'.repeat(19)}.00001`, 比例: '0.1234567' }, null, '1234567000000000000.00'],
  // 20 integer digits × a rate of 3: 23 integer digits at 8 places, in the fast query; its rounding
  // once failed the whole run. 99999999999999999999.99 × 123.456789 = 123.456789 × 10²⁰ − 0.01 ×
  // 123.456789 = 12345678900000000000000 − 1.23456789 = 12345678899999999999998.76543211 → …98.77
  [{ 工资: '99999999999999999999.99', 比例: '123.456789' }, null, '12345678899999999999998.77'],
  // a product beyond DECIMAL(38) at its places (10³⁵ × 10 = 10³⁶: 37 integer digits at 8 places): JS
  // computes it (40 significant digits); the query declines this record alone (XS013, guarded rerun)
  [{ 工资: `1${'0'.repeat(35)}.00`, 比例: '10' }, null, `1${'0'.repeat(36)}.00`, 'XS013:结果'],
  // the same in a second pass (money of 3 places: 31 integer digits × 0.3 at 3 + 6 places is 39
  // digits), beside 1000.005 × 0.3 above, which has the same places and is still computed there:
  // 10³⁰ × 0.3 + 0.001 × 0.3 = 3 × 10²⁹ + 0.0003 → 300…0.00
  [{ 工资: `1${'0'.repeat(30)}.001`, 比例: '0.3' }, null, `3${'0'.repeat(29)}.00`, 'XS013:结果'],
  [{ 比例: '0.3' }, 'XI001:工资', null], // required
  [{ 工资: '1', 比例: '30%%' }, 'XI013:比例', null], // not RATE_RE
  [{ 工资: '-1' }, 'XI008:工资', null], // money is at least 0 (pattern, a decimal text)
  [{ 工资: '' }, 'XI004:工资', null], // an empty text is no decimal
  [{ 工资: '1', 人数: '5' }, 'XI002:人数', null], // a count given as a JSON text: the schema wants an integer
  [{ 工资: '1', 人数: -3 }, 'XI008:人数', null], // minimum 0
  [{ 工资: '1', 人数: 3.5 }, 'XI002:人数', null], // not an integer
  [{ 工资: '1', 在职: 'true' }, 'XI002:在职', null], // a boolean given as a text
  [{ 工资: '1', 档次: '丙' }, 'XI003:档次', null], // not a member
  [{ 工资: '1', 日期: '2023-02-30' }, 'XI005:日期', null], // no such day
  [{ 工资: '1', 日期: '0000-01-01' }, 'XI005:日期', null], // years 1..9999
  [{ 工资: '1', 系数: '1e5' }, 'XI004:系数', null], // exponents are not decimal syntax
  [{ 工资: '1', 调整: '-51' }, 'XI008:调整', null], // 范围 -50元..50元
  [{ 工资: '1', 调整: '50.001' }, 'XI008:调整', null], // just outside, compared exactly (not at 2 places)
  [{ 工资: '1', 调整: '-50', 比例: '1' }, null, '1.00'], // the bound itself is inside
  [{ 工资: '1', 期数: 0 }, 'XI008:期数', null], // 范围 1个月..12个月
  [{ 工资: '1', 期数: 12, 比例: '1' }, null, '1.00'],
  [{ 工资: '1', 浮动: '11%' }, 'XI008:浮动', null], // 范围 -10%..10%: 0.11 > 0.1
  [{ 工资: '1', 浮动: '0.1000001' }, 'XI008:浮动', null], // compared exactly, not at the 6 places SQL carries
  [{ 工资: '1', 浮动: '-10%', 比例: '1' }, null, '1.00'],
  [{ 工资: '1', 月数: '5' }, 'XI002:月数', null], // a duration is an integer
  [{ 工资: '1', 月数: 5, 比例: '1' }, null, '1.00'],
  [{ 在职: 'x', 人数: 'x', 工资: '-1' }, 'XI008:工资', null], // declaration order, not the record's
  [{ 在职: 'x', 调整: 'x' }, 'XI001:工资', null], // required before everything else
];
// a population reads a JSON null as absent, leaves columns that are no input unread, and hands a
// list column over as one text; the case API refuses all three
const POPULATION_ONLY: [Record<string, unknown>, string | null, string | null, string][] = [
  [{ 工资: null, 比例: '0.3' }, 'XI001:工资', null, 'XI004:工资'],
  [{ 工资: '1000', 比例: '0.3', 未知: 1 }, null, '300.00', 'XI007:未知'],
  [{ 工资: '1', 明细: ['1'] }, 'XI002:明细', null, ''],
];

const dir = mkdtempSync(join(tmpdir(), 'xize-rejects-'));
const all = [...CASES.map(([r, c, v]) => [r, c, v] as const), ...POPULATION_ONLY.map(([r, c, v]) => [r, c, v] as const)];
const file = join(dir, 'p.ndjson');
writeFileSync(file, all.map(([r], i) => JSON.stringify({ id: `r${i}`, ...r })).join('\n') + '\n');

async function results(engine: 'js' | 'duckdb-sql', src = file): Promise<Map<string, { reject: string | null; 结果: string | null }>> {
  const out = join(dir, `${engine}-${src.endsWith('.csv') ? 'csv' : 'nd'}.ndjson`);
  await runPopulation(ir, { file: src, asOf: AS_OF, parameters: {}, outputs: ['结果'], engine, out, idColumn: 'id', shadow: 0 });
  return new Map(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { rec_id: string; reject: string | null; 结果: string | null }).map((r) => [r.rec_id, { reject: r.reject, 结果: r.结果 }]));
}

describe('one reject code per record, the same in both population engines', () => {
  it('the case API gives the same first error (where it reads the record alike)', () => {
    for (const [rec, code, value] of CASES) {
      const o = api.evaluate(rec, { asOf: AS_OF, outputs: ['结果'] });
      expect(populationReject(o.inputErrors), JSON.stringify(rec)).toBe(code);
      if (code === null) expect((o.outputs['结果'] as { value?: string } | undefined)?.value ?? null, JSON.stringify(rec)).toBe(value);
    }
    for (const [rec, , , apiCode] of POPULATION_ONLY) if (apiCode) expect(populationReject(api.evaluate(rec, { asOf: AS_OF, outputs: ['结果'] }).inputErrors)).toBe(apiCode);
  });
  for (const engine of ['js', 'duckdb-sql'] as const) {
    it(`${engine}: every record's code and figure`, async () => {
      const got = await results(engine);
      const declines = new Map(CASES.map(([, , , d], i) => [`r${i}`, d]));
      all.forEach(([rec, code, value], i) => {
        const d = engine === 'duckdb-sql' ? declines.get(`r${i}`) : undefined;
        expect(got.get(`r${i}`), JSON.stringify(rec)).toEqual(d ? { reject: d, 结果: null } : { reject: code, 结果: code === null ? value : null });
      });
    }, 30_000);
  }
  it('duckdb-sql without an output file: the same codes counted, the second passes summed and shadow-checked (declined records listed by the aggregation, or taken into a table)', async () => {
    // every record sampled by the shadow check (default 1 000 > the records): the second passes' figures are re-evaluated in JS
    for (const declinedInTable of [false, true]) {
      const s = await runPopulation(ir, { file, asOf: AS_OF, parameters: {}, outputs: ['结果'], engine: 'duckdb-sql', idColumn: 'id', declinedInTable });
      const sqlCode = (i: number) => (i < CASES.length ? CASES[i]![3] ?? CASES[i]![1] : all[i]![1]);
      const want = new Map<string, number>();
      all.forEach((_, i) => { const c = sqlCode(i); if (c) want.set(c, (want.get(c) ?? 0) + 1); });
      expect(new Map(s.rejected.map((r) => [r.code, r.count]))).toEqual(want);
      expect(s.records).toBe(all.length);
      expect(s.shadow!.checked).toBe(all.length);
      const figures = all.map(([, , v], i) => (sqlCode(i) === null ? v : null)).filter((v): v is string => v !== null);
      const o = s.outputs[0]!;
      expect(o.count).toBe(figures.length);
      expect(o.sum).toBe(figures.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed());
    }
  }, 30_000);
  it('js: the summary adds up figures wider than DECIMAL(38, 6) exactly (a 37-digit figure is a result, not a failed run)', async () => {
    const s = await runPopulation(ir, { file, asOf: AS_OF, parameters: {}, outputs: ['结果'], engine: 'js', idColumn: 'id' });
    const figures = all.map(([, code, v]) => (code === null ? v : null)).filter((v): v is string => v !== null).map((v) => new Decimal(v));
    expect(figures.some((v) => v.abs().gte('1e32'))).toBe(true); // the case this test is about
    const o = s.outputs[0]!;
    expect(s.records).toBe(all.length);
    expect(o.count).toBe(figures.length);
    expect(o.sum).toBe(figures.reduce((a, v) => a.plus(v), new Decimal(0)).toFixed());
    expect(o.min).toBe(Decimal.min(...figures).toFixed());
    expect(o.max).toBe(Decimal.max(...figures).toFixed());
  }, 30_000);
  it('an empty CSV cell is absent in both engines, as NULL is in NDJSON and Parquet', async () => {
    const csv = join(dir, 'p.csv');
    // every input a column (a CSV file names them all in its header); the others left empty
    const rest = ',,,,,,,,,,'; // 调整 在职 档次 日期 系数 月数 备注 明细 期数 浮动
    writeFileSync(csv, `id,工资,比例,人数,调整,在职,档次,日期,系数,月数,备注,明细,期数,浮动\nc0,,0.3,${rest}\nc1,1000,30%,${rest}\nc2,1000,0.3,5${rest}\n`);
    for (const engine of ['js', 'duckdb-sql'] as const) {
      const got = await results(engine, csv);
      expect(got.get('c0'), engine).toEqual({ reject: 'XI001:工资', 结果: null });
      expect(got.get('c1'), engine).toEqual({ reject: null, 结果: '300.00' });
      expect(got.get('c2'), engine).toEqual({ reject: null, 结果: '300.00' }); // a CSV count is its text
    }
  }, 30_000);
});
