// Correct programs produce the expected IR: layers across a 3-level chain, multi-file merge,
// percent/duration conversion, expanded enum ranges, rounding resolution, unit algebra.
import { describe, expect, it } from 'vitest';
import type { IrExpr, IrPolicy } from '../../compiler/index.ts';
import { codes, compileBody, compileFolders, errorsOf } from './helpers.ts';

const NATIONAL = {
  'national/policy.xize': `抽象 政策 全国 标题 "全国基线" 生效 2011-01-01 舍入 四舍五入 到 分
枚举 伤残等级 { 一级, 二级, 三级, 四级, 五级, 六级 }
输入 {
  月缴费工资: 金额
  伤残等级: 伤残等级
}
`,
  'national/disability.xize': `参数 最低工资标准: 金额 必填 依据 "条例第三十五条"
参数 统筹地区月平均工资: 金额 依据 "条例第六十四条" {
  自 2023-01-01: 8000元
  自 2024-01-01: 8500元
}
表 伤残补助金月数: 伤残等级 -> 整数 依据 "条例第三十五条" {
  自 2004-01-01 { 一级: 24, 二级: 22, 三级..六级: 10 }
  自 2011-01-01 { 一级: 27, 二级: 25, 三级, 四级: 23, 五级..六级: 16 }
}
规则 本人工资: 金额 依据 "条例第六十四条" =
  限定(月缴费工资, 统筹地区月平均工资 × 60%, 统筹地区月平均工资 × 300%)
规则 一次性伤残补助金: 金额 依据 "条例第三十五条" = 本人工资 × 伤残补助金月数[伤残等级]
规则 伤残津贴比例: 比率 依据 "条例第三十五条" = 90%
规则 伤残津贴: 金额 依据 "条例第三十五条" = 最大(本人工资 × 伤残津贴比例, 最低工资标准)
例外 一次性伤残补助金 当 月缴费工资 = 0元 则 0元 依据 "全国例外"
`,
};
const PROVINCE = {
  'zj/policy.xize': `政策 浙江 标题 "浙江" 继承 全国 生效 2018-01-01 舍入 银行家舍入 到 角
覆盖 参数 最低工资标准 = 2490元 依据 "浙江最低工资"
覆盖 表 伤残补助金月数 { 自 2018-01-01 { 五级: 18 } }
覆盖 规则 本人工资: 金额 依据 "浙江本人工资" = 月缴费工资
例外 一次性伤残补助金 当 伤残等级 = 一级 则 1元 依据 "浙江例外"
`,
};
const CITY = {
  'hz/policy.xize': `政策 杭州 继承 浙江 生效 2020-01-01
覆盖 参数 统筹地区月平均工资 { 自 2024-07-01: 9120元 }
覆盖 参数 最低工资标准 = 2600元
`,
};

function chain(): { ir: IrPolicy; diags: string[] } {
  const r = compileFolders(CITY, { 全国: NATIONAL, 浙江: PROVINCE });
  expect(errorsOf(r)).toEqual([]);
  return { ir: r.ir!, diags: codes(r.diagnostics) };
}

describe('national → province → city', () => {
  it('resolves the chain root first', () => {
    const { ir } = chain();
    expect(ir.chain).toEqual(['全国', '浙江', '杭州']);
    expect(ir.name).toBe('杭州');
    expect(ir.abstract).toBe(false);
    expect(ir.effective).toBe('2020-01-01');
  });

  it('gives each declaring/overriding policy one layer, versions sorted', () => {
    const { ir } = chain();
    const wage = ir.params.find((p) => p.name === '统筹地区月平均工资')!;
    expect(wage.layers.map((l) => l.policy)).toEqual(['全国', '杭州']);
    expect(wage.layers[0].versions.map((v) => [v.from, v.body.k === 'lit' && v.body.value])).toEqual([
      ['2023-01-01', '8000'],
      ['2024-01-01', '8500'],
    ]);
    expect(wage.layers[1].versions.map((v) => v.from)).toEqual(['2024-07-01']);
    const min = ir.params.find((p) => p.name === '最低工资标准')!;
    expect(min.required).toBe(true);
    expect(min.layers.map((l) => [l.policy, l.versions.length])).toEqual([['全国', 0], ['浙江', 1], ['杭州', 1]]);
    expect(min.layers[1].versions[0]).toMatchObject({ from: null, cite: '浙江最低工资' });
  });

  it('expands table ranges and layers partial table overrides', () => {
    const { ir } = chain();
    const t = ir.tables.find((x) => x.name === '伤残补助金月数')!;
    expect(t.keyType).toEqual({ kind: 'enum', name: '伤残等级' });
    expect(t.valueType).toEqual({ kind: 'integer' });
    expect(t.layers.map((l) => l.policy)).toEqual(['全国', '浙江']);
    expect(t.layers[0].versions[1].body.rows.map((r) => r.keys)).toEqual([['一级'], ['二级'], ['三级', '四级'], ['五级', '六级']]);
    expect(t.layers[1].versions[0].body.rows).toMatchObject([{ keys: ['五级'], value: { k: 'lit', value: '18' } }]);
  });

  it('overrides a rule with a layer and accumulates exceptions', () => {
    const { ir } = chain();
    const r = ir.rules.find((x) => x.name === '本人工资')!;
    expect(r.layers.map((l) => l.policy)).toEqual(['全国', '浙江']);
    expect(r.layers[1].versions[0].cite).toBe('浙江本人工资');
    const b = ir.rules.find((x) => x.name === '一次性伤残补助金')!;
    expect(b.exceptions.map((e) => [e.policy, e.cite])).toEqual([['全国', '全国例外'], ['浙江', '浙江例外']]);
    expect(b.exceptions[1].condition).toMatchObject({ k: 'compare', right: { k: 'enumLit', enumName: '伤残等级', member: '一级' } });
  });

  it('resolves rounding: rule own, else the nearest header default for money rules', () => {
    const { ir } = chain();
    // 杭州 has no rounding; 浙江 has 银行家舍入 到 角
    expect(ir.rounding).toEqual({ mode: 'half_even', unit: 'jiao' });
    expect(ir.rules.find((x) => x.name === '本人工资')!.rounding).toEqual({ mode: 'half_even', unit: 'jiao' });
    expect(ir.rules.find((x) => x.name === '伤残津贴比例')!.rounding).toBeNull();
  });

  it('the abstract root alone compiles (required parameter unset is fine)', () => {
    const r = compileFolders(NATIONAL);
    expect(errorsOf(r)).toEqual([]);
    expect(r.ir!.abstract).toBe(true);
    expect(r.ir!.rounding).toEqual({ mode: 'half_up', unit: 'fen' });
  });

  it('the province without the required parameter fails with XC060', () => {
    const r = compileFolders({ 'x/p.xize': '政策 x 继承 全国 生效 2020-01-01\n' }, { 全国: NATIONAL });
    expect(codes(r.diagnostics)).toEqual(['XC060']);
  });

  it('a required parameter only the overridden rule read need not be supplied', () => {
    const r = compileFolders(
      { 'x/p.xize': '政策 x 继承 全国 生效 2020-01-01\n覆盖 规则 伤残津贴 = 本人工资 × 伤残津贴比例 依据 "本省"\n' },
      { 全国: NATIONAL },
    );
    expect(codes(r.diagnostics)).toEqual([]);
    // …but a dated override leaves the parent's body live before its first date
    const dated = compileFolders(
      { 'x/p.xize': '政策 x 继承 全国 生效 2020-01-01\n覆盖 规则 伤残津贴 { 自 2020-01-01: 本人工资 × 伤残津贴比例 依据 "本省" }\n' },
      { 全国: NATIONAL },
    );
    expect(codes(dated.diagnostics)).toEqual(['XC060']);
  });
});

function ruleBody(ir: IrPolicy, name: string): IrExpr {
  return ir.rules.find((r) => r.name === name)!.layers[0].versions[0].body;
}

describe('expressions', () => {
  const src = `
枚举 伤残等级 { 一级, 二级, 三级, 四级, 五级 }
输入 { 工资: 金额, 平均: 金额, 受伤日期: 日期, 等级: 伤残等级, n: 整数 }
规则 a: 金额 依据 "x" = 工资 × 60%
规则 b: 比率 依据 "x" = 0.05%
规则 c: 比率 依据 "x" = 0.5‰
规则 d: 日期 依据 "x" = 受伤日期 + 30天
规则 e: 数值 依据 "x" = 工资 ÷ 平均
规则 f: 月数 依据 "x" = 2年
规则 g: 整数 依据 "x" = n × 2 + 1
规则 h: 数值 依据 "x" = 1.5 × n
规则 i: 布尔 依据 "x" = 等级 属于 二级..四级
规则 j: 金额 依据 "x" = 四舍五入(工资 × 1.5, 元)
规则 k: 金额 不舍入 依据 "x" = 工资
规则 l: 金额 舍入 向下取整 到 元 依据 "x" = 工资
规则 m: 天数 依据 "x" = 受伤日期 - 2020-01-01
规则 o: 金额 依据 "x" = 工资 ÷ 30 × 10天
`;
  const r = compileBody(src);
  const ir = r.ir!;

  it('compiles without diagnostics', () => {
    expect(r.diagnostics).toEqual([]);
  });
  it('money × rate = money; percent literal is a fraction string', () => {
    expect(ruleBody(ir, 'a')).toMatchObject({ k: 'arith', op: '*', type: { kind: 'money' }, right: { k: 'lit', value: '0.6', type: { kind: 'rate' } } });
    expect(ruleBody(ir, 'b')).toMatchObject({ k: 'lit', value: '0.0005' });
    expect(ruleBody(ir, 'c')).toMatchObject({ k: 'lit', value: '0.0005' });
  });
  it('date + days = date; date − date = days; money ÷ money = number', () => {
    expect(ruleBody(ir, 'd').type).toEqual({ kind: 'date' });
    expect(ruleBody(ir, 'm').type).toEqual({ kind: 'duration', unit: 'days' });
    expect(ruleBody(ir, 'e').type).toEqual({ kind: 'number' });
  });
  it('years become months', () => {
    expect(ruleBody(ir, 'f')).toMatchObject({ k: 'lit', value: '24', type: { kind: 'duration', unit: 'months' } });
  });
  it('integer arithmetic stays integer; decimals are numbers', () => {
    expect(ruleBody(ir, 'g').type).toEqual({ kind: 'integer' });
    expect(ruleBody(ir, 'h').type).toEqual({ kind: 'number' });
  });
  it('ranges in 属于 expand to members', () => {
    const i = ruleBody(ir, 'i');
    expect(i.k === 'in' && i.members.map((m) => (m.k === 'enumLit' ? m.member : '?'))).toEqual(['二级', '三级', '四级']);
  });
  it('round carries its unit; rule rounding resolves', () => {
    expect(ruleBody(ir, 'j')).toMatchObject({ k: 'builtin', fn: 'round', unit: 'yuan', type: { kind: 'money' } });
    const rule = (n: string) => ir.rules.find((x) => x.name === n)!;
    expect(rule('a').rounding).toEqual({ mode: 'half_up', unit: 'fen' });
    expect(rule('k').rounding).toBeNull();
    expect(rule('l').rounding).toEqual({ mode: 'floor', unit: 'yuan' });
    expect(rule('e').rounding).toBeNull();
  });
});

describe('multi-file policies and recovery', () => {
  it('declarations are order-independent across files', () => {
    const r = compileFolders({
      'p/a.xize': '政策 p 生效 2020-01-01\n规则 x: 金额 依据 "c" = y × 2\n',
      'p/b.xize': '规则 y: 金额 依据 "c" = 工资\n输入 { 工资: 金额 }\n',
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.ir!.rules.map((x) => x.name)).toEqual(['x', 'y']);
    expect(r.sources.size).toBe(2);
  });

  it('a syntax error in one file does not hide type errors in another, nor cascade', () => {
    const r = compileFolders({
      'p/a.xize': '政策 p 生效 2020-01-01\n规则 x: 金额 依据 "c" = (1元 + \n规则 z: 金额 依据 "c" = x + 1元\n',
      'p/b.xize': '规则 y: 金额 依据 "c" = 真\n',
    });
    const cs = codes(r.diagnostics);
    expect(cs.some((c) => c.startsWith('XP') || c.startsWith('XL'))).toBe(true);
    expect(cs.filter((c) => c.startsWith('XC'))).toEqual(['XC020']);
    expect(r.diagnostics.find((d) => d.code === 'XC020')!.span.file).toBe('p/b.xize');
    expect(r.ir).toBeUndefined();
  });

  it('sorts diagnostics by file, line, column', () => {
    const r = compileFolders({
      'p/b.xize': '规则 y: 金额 依据 "c" = 真\n规则 w: 金额 依据 "c" = 假\n',
      'p/a.xize': '政策 p 生效 2020-01-01\n规则 x: 金额 依据 "c" = 真\n',
    });
    expect(r.diagnostics.map((d) => `${d.span.file}:${d.span.start.line}`)).toEqual(['p/a.xize:2', 'p/b.xize:1', 'p/b.xize:2']);
  });
});
