// Source → check → generate → evaluate, for list aggregates: per-item values (映射/map) next to
// their total, as a dependants' pension breakdown needs (条例第三十九条).
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';

const POLICY = `
政策 测试 生效 2011-01-01 舍入 四舍五入 到 分
枚举 关系 { 配偶, 子女, 父母 }
记录 亲属 { 关系: 关系, 孤寡?: 布尔 }
输入 { 本人工资: 金额, 亲属们: 列表[亲属] }
规则 比例(p: 亲属): 比率 依据 "条例第三十九条" =
  匹配 p.关系 { 配偶: 40%, 否则: 30% }
规则 各亲属抚恤金: 列表[金额] 依据 "条例第三十九条" = 映射(亲属们, p => 本人工资 × 比例(p))
规则 抚恤金合计: 金额 依据 "条例第三十九条" = 求和(亲属们, p => 本人工资 × 比例(p))
规则 子女人数: 整数 依据 "x" = 计数(亲属们, p => p.关系 = 子女)
`;

function load() {
  const r = compilePolicy({ files: [{ path: 't.xize', text: POLICY }] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loadPolicy(r.ir!);
}

describe('list aggregates end to end', () => {
  it('映射 gives one value per item, in order, beside the sum', () => {
    const policy = load();
    const o = policy.evaluate(
      { 本人工资: '5000.00', 亲属们: [{ 关系: '配偶' }, { 关系: '子女' }, { 关系: '子女' }] },
      { asOf: '2024-01-01' },
    );
    expect(o.errors).toEqual([]);
    // 5000 × 40% = 2000; 5000 × 30% = 1500 each child
    // 5000 × 40% = 2000, 5000 × 30% = 1500: money items print with 2 decimals when exact to the fen
    expect(o.outputs['各亲属抚恤金'].value).toEqual(['2000.00', '1500.00', '1500.00']);
    // 2000 + 1500 + 1500 = 5000
    expect(o.outputs['抚恤金合计'].value).toBe('5000.00');
    expect(o.outputs['子女人数'].value).toBe(2);
  });

  it('list items keep every digit; rounding them is written explicitly', () => {
    const o = load().evaluate({ 本人工资: '5000.01', 亲属们: [{ 关系: '配偶' }, { 关系: '子女' }] }, { asOf: '2024-01-01' });
    // 5000.01 × 40% = 2000.004; 5000.01 × 30% = 1500.003
    expect(o.outputs['各亲属抚恤金'].value).toEqual(['2000.004', '1500.003']);
    // the money rule is rounded half-up to 分 at its boundary: 3500.007 → 3500.01
    expect(o.outputs['抚恤金合计'].value).toBe('3500.01');
  });

  it('映射 over an empty list is an empty list, the sum zero', () => {
    const o = load().evaluate({ 本人工资: '5000.00', 亲属们: [] }, { asOf: '2024-01-01' });
    expect(o.outputs['各亲属抚恤金'].value).toEqual([]);
    expect(o.outputs['抚恤金合计'].value).toBe('0.00');
  });

  it('映射 needs a value expression of some type: a list of the body type', () => {
    const bad = compilePolicy({ files: [{ path: 't.xize', text: POLICY + '规则 坏: 金额 依据 "x" = 映射(亲属们, p => 本人工资)\n' }] });
    expect(bad.diagnostics.map((d) => d.code)).toContain('XC020');
  });
});

describe('rate inputs as policy staff write them', () => {
  const SRC = `
政策 测试 生效 2011-01-01 舍入 四舍五入 到 分
输入 { 工资总额: 金额, 费率: 比率 }
规则 应缴费额: 金额 依据 "条例第十条" = 工资总额 × 费率
`;
  const load2 = () => {
    const r = compilePolicy({ files: [{ path: 'r.xize', text: SRC }] });
    expect(r.diagnostics).toEqual([]);
    return loadPolicy(r.ir!);
  };
  it('accepts a fraction, a percentage and a per-mille figure alike', () => {
    const p = load2();
    // 1,000,000 × 0.4% = 4000; 1,000,000 × 4‰ = 4000; 1,000,000 × 0.004 = 4000
    for (const rate of ['0.4%', '4‰', '0.004', 0.004]) {
      const o = p.evaluate({ 工资总额: '1000000', 费率: rate }, { asOf: '2024-01-01' });
      expect(o.inputErrors).toEqual([]);
      expect(o.outputs['应缴费额'].value).toBe('4000.00');
    }
  });
  it('rejects a malformed rate with XI013 naming the field', () => {
    const o = load2().evaluate({ 工资总额: '1000000', 费率: '四成' }, { asOf: '2024-01-01' });
    expect(o.inputErrors.map((e) => [e.code, e.path])).toEqual([['XI013', '费率']]);
    expect(o.inputErrors[0].message.zh).toContain('比率');
    expect(o.outputs).toEqual({});
  });
});

describe('per-case parameters given by date', () => {
  const SRC = `
政策 测试 生效 2011-01-01 舍入 四舍五入 到 分
参数 平均工资: 金额 = 6000元 依据 "条例第六十四条"
输入 { 受伤日期: 日期 }
规则 受伤时平均工资: 金额 依据 "x" = 平均工资 于 受伤日期
规则 现行平均工资: 金额 依据 "x" = 平均工资
`;
  const load3 = () => {
    const r = compilePolicy({ files: [{ path: 'd.xize', text: SRC }] });
    expect(r.diagnostics).toEqual([]);
    return loadPolicy(r.ir!);
  };
  it('each lookup takes the entry in force at its date; before the first entry the policy value applies', () => {
    const parameters = { 平均工资: { '2023-07-01': '8000', '2024-07-01': '8500' } };
    const p = load3();
    const o = p.evaluate({ 受伤日期: '2023-09-15' }, { asOf: '2024-08-01', parameters, explain: true });
    expect(o.errors).toEqual([]);
    expect(o.outputs['受伤时平均工资'].value).toBe('8000.00'); // 2023-09-15 ≥ 2023-07-01
    expect(o.outputs['现行平均工资'].value).toBe('8500.00'); // 2024-08-01 ≥ 2024-07-01
    const early = p.evaluate({ 受伤日期: '2023-01-15' }, { asOf: '2024-08-01', parameters });
    expect(early.outputs['受伤时平均工资'].value).toBe('6000.00'); // before 2023-07-01: the policy's own 6000
    const node = o.trace!['受伤时平均工资'] as { children: { kind: string; from?: string | null; overridden?: boolean }[] };
    const param = node.children.find((c) => c.kind === 'param')!;
    expect(param).toMatchObject({ from: '2023-07-01', overridden: true });
  });
  it('a dated override with a bad value is XR011', () => {
    const o = load3().evaluate({ 受伤日期: '2023-09-15' }, { asOf: '2024-08-01', parameters: { 平均工资: { '2023-07-01': 'abc' } } });
    expect(o.errors.map((e) => e.code)).toEqual(['XR011']);
  });
});
