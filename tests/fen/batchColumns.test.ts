// The column kernel of a columnar batch (runtime/fenColumns.ts): one generated loop over the
// columns. It must give exactly what the per-case path gives — values, ok, the failures'
// Outcomes — and every case it does not answer (absent, malformed, negative or over-precise
// values, a blocked error check) must reach the per-case path. Each case is compared with
// `evaluate` on the decimal path, so a wrong fen answer cannot pass as "the same as before".
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { evaluateColumns, fenStats, type ColumnarCases } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xize'))
  .sort()
  .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const policy = loadPolicy(compilePolicy({ files }).ir!);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const AS_OF = '2024-06-01';
const IN = ['受伤日期', '月缴费工资', '伤残等级', '用人单位安排适当工作', '生活自理障碍等级'];
const PS = ['统筹地区上年度职工月平均工资', '最低工资标准'];

type Row = { input: Record<string, unknown>; parameters: Record<string, unknown> };
function rows(n: number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    // money as JSON numbers and as texts, wages on both sides of the 60 % / 300 % bounds
    const wage = 1000 + ((i * 7919) % 59000) + (i % 100) / 100;
    out.push({
      input: { 受伤日期: '2023-03-15', 月缴费工资: i % 3 === 0 ? wage.toFixed(2) : wage, 伤残等级: GRADES[i % 10], 用人单位安排适当工作: i % 5 === 0, 生活自理障碍等级: CARE[i % 4] },
      parameters: { 统筹地区上年度职工月平均工资: 5000 + ((i * 31) % 7000) + ((i * 13) % 100) / 100, 最低工资标准: 1900 + (i % 800) },
    });
  }
  // cases the kernel must leave to the per-case path
  const odd: [number, 'input' | 'parameters', string, unknown][] = [
    [3, 'input', '月缴费工资', undefined], // absent
    [4, 'input', '月缴费工资', null], // absent (a column's null)
    [5, 'input', '月缴费工资', '-3'],
    [6, 'input', '月缴费工资', -0.01],
    [7, 'input', '月缴费工资', '12345.678'], // more places than money keeps
    [8, 'input', '月缴费工资', 'abc'],
    [9, 'input', '伤残等级', '十一级'],
    [10, 'input', '生活自理障碍等级', undefined],
    [11, 'input', '受伤日期', '2023-02-30'],
    [12, 'input', '用人单位安排适当工作', 'no'],
    [13, 'parameters', '最低工资标准', 'x'],
    [14, 'parameters', '统筹地区上年度职工月平均工资', { '2020-01-01': '7000', '2023-01-01': '8000' }], // dated override
    [15, 'input', '月缴费工资', '-0'],
    [16, 'input', '月缴费工资', Number.NaN],
    [17, 'input', '月缴费工资', 1e21],
    [18, 'parameters', '最低工资标准', undefined],
  ];
  for (const [i, where, k, v] of odd) out[i]![where][k] = v;
  return out;
}

function columnsOf(rs: Row[]): ColumnarCases {
  return {
    length: rs.length,
    input: Object.fromEntries(IN.map((k) => [k, rs.map((r) => r.input[k])])),
    parameters: Object.fromEntries(PS.map((k) => [k, rs.map((r) => r.parameters[k])])),
  };
}

/** The case as the per-case path sees it: absent (undefined or null) fields left out. */
const present = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

describe('column kernel', () => {
  const rs = rows(600);
  for (const values of ['json', 'scaled'] as const) {
    it(`${values}: every case equals evaluate on the decimal path and the per-case batch`, () => {
      const before = fenStats.answered;
      const cols = evaluateColumns(policy, columnsOf(rs), { asOf: AS_OF, outputs: OUTPUTS, values });
      // the loop answered the well-formed cases (not one by one through the per-case kernel,
      // which is built only after a shape recurs: the count would then lag by a few)
      expect(fenStats.answered - before).toBeGreaterThanOrEqual(600 - 16);
      const perCase = evaluateColumns(
        policy,
        rs.map((r) => ({ input: present(r.input), parameters: present(r.parameters) })),
        { asOf: AS_OF, outputs: OUTPUTS, values },
      );
      expect([...cols.ok]).toEqual([...perCase.ok]);
      expect(cols.fen).toBe(perCase.fen);
      for (const k of OUTPUTS) expect(cols.columns[k]).toEqual(perCase.columns[k]);
      expect([...cols.failures.keys()]).toEqual([...perCase.failures.keys()]);
      for (const [i, o] of cols.failures) expect(JSON.parse(JSON.stringify(o))).toEqual(JSON.parse(JSON.stringify(perCase.failures.get(i))));
      for (let i = 0; i < rs.length; i++) {
        const o = policy.evaluate(present(rs[i]!.input), { asOf: AS_OF, parameters: present(rs[i]!.parameters), outputs: OUTPUTS, engine: 'decimal' });
        // a batch row is ok when evaluate is and every output was computed
        const all = o.ok && OUTPUTS.every((k) => o.outputs[k] !== undefined);
        expect([i, cols.ok[i]]).toEqual([i, all ? 1 : 0]);
        if (!all) continue;
        OUTPUTS.forEach((k) => {
          const want = o.outputs[k]!.value as string;
          const got = cols.columns[k]![i];
          // scaled: money as an integer of fen (a text only where the integer would not give it back)
          expect(values === 'json' || typeof got !== 'number' ? got : (got as number) / 100).toEqual(values === 'json' || typeof got !== 'number' ? want : Number(want));
          if (values === 'scaled' && typeof got === 'number') expect(Number.isSafeInteger(got)).toBe(true);
        });
      }
      // the malformed cases are not ok and carry their input errors
      for (const i of [5, 8, 9, 11, 12, 13]) expect(cols.failures.get(i)?.ok).toBe(false);
      expect(cols.failures.get(8)!.inputErrors.map((e) => e.path)).toContain('月缴费工资');
    });
  }

  it('a parameter object for all cases (options.parameters) reads as a constant column', () => {
    const c = columnsOf(rs.slice(20, 120));
    delete c.parameters;
    const parameters = { 统筹地区上年度职工月平均工资: 8123.45, 最低工资标准: '2490' };
    const cols = evaluateColumns(policy, c, { asOf: AS_OF, outputs: OUTPUTS, parameters });
    for (let i = 0; i < 100; i++) {
      const o = policy.evaluate(present(rs[20 + i]!.input), { asOf: AS_OF, parameters, outputs: OUTPUTS, engine: 'decimal' });
      expect(OUTPUTS.map((k) => cols.columns[k]![i])).toEqual(OUTPUTS.map((k) => o.outputs[k]!.value));
    }
  });

  it('an unknown input column or per-case dates take the per-case path with its diagnostics', () => {
    const c = columnsOf(rs.slice(20, 60));
    c.input['多余'] = c.input['伤残等级']!;
    const r = evaluateColumns(policy, c, { asOf: AS_OF, outputs: OUTPUTS });
    expect(r.failures.size).toBe(40);
    const d = columnsOf(rs.slice(20, 60));
    d.asOf = new Array<string>(40).fill(AS_OF);
    const e = evaluateColumns(policy, columnsOf(rs.slice(20, 60)), { asOf: AS_OF, outputs: OUTPUTS });
    expect(evaluateColumns(policy, d, { outputs: OUTPUTS }).columns).toEqual(e.columns);
  });
});

// A blocked error check inside the loop: the case goes to the per-case path, which gives the
// Outcome with XR043 (as evaluate does); a warning never blocks.
const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
  扣款?: 金额
}
规则 结果: 金额 依据 "测" = 工资 + 100元
检查 工资过高 错误 依据 "测" 当 工资 > 1000元 提示 "工资过高"
检查 扣款过多 错误 依据 "测" 当 扣款 > 工资 提示 "扣款过多"
检查 工资偏高 警告 依据 "测" 当 工资 > 500元 提示 "工资偏高"
`;
const small = loadPolicy(compilePolicy({ files: [{ path: 't.xize', text: TEXT }] }).ir!);

describe('column kernel runs the error-severity checks', () => {
  it('blocked cases carry XR043; an absent optional input skips its check', () => {
    const wage = ['100', '600', '2000', '300', '400', '50'];
    const cut = ['10', undefined, undefined, '500', null, '20'];
    const r = evaluateColumns(small, { length: 6, input: { 工资: wage, 扣款: cut } }, { asOf: AS_OF, outputs: ['结果'] });
    expect([...r.ok]).toEqual([1, 1, 0, 0, 1, 1]);
    expect(r.columns['结果']).toEqual(['200.00', '700.00', '2100.00', '400.00', '500.00', '150.00']);
    expect(r.failures.get(2)!.errors.map((e) => [e.code, e.rule])).toEqual([['XR043', '工资过高']]);
    expect(r.failures.get(3)!.errors.map((e) => [e.code, e.rule])).toEqual([['XR043', '扣款过多']]);
    for (let i = 0; i < 6; i++) {
      const input = present({ 工资: wage[i], 扣款: cut[i] });
      expect(r.ok[i] === 1).toBe(small.evaluate(input, { asOf: AS_OF, outputs: ['结果'] }).ok);
    }
  });
});
