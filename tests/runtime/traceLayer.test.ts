// The trace names the layer (policy) whose declaration decided each value: a rule's version or
// the exception that applied, a parameter's version, a table cell's row (per key: a partial
// table override decides only the rows it names).
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../compiler/index.ts';
import { explainRule } from '../../compiler/explain.ts';
import type { RuleTraceNode, TraceNode } from '../../runtime/trace.ts';
import { codes, compileFolders, errorsOf } from '../compiler/helpers.ts';

const BASE = {
  'base/policy.xize': `抽象 政策 基线 标题 "基线" 生效 2010-01-01 舍入 四舍五入 到 分
枚举 等级 { 甲, 乙, 丙 }
输入 { 月工资: 金额  等级: 等级  旧伤?: 布尔 }
参数 平均工资: 金额 = 5000元 依据 "基线第一条"
参数 保底比例: 比率 = 60% 依据 "基线第二条"
表 月数: 等级 -> 整数 依据 "基线第三条" { 甲: 20, 乙: 10, 丙: 5 }
规则 本人工资: 金额 依据 "基线第四条" = 最大(月工资, 平均工资 × 保底比例)
规则 倍数(n: 整数): 整数 依据 "基线第五条" = n × 2
规则 补助金: 金额 依据 "基线第六条" = 本人工资 × 月数[等级]
规则 加倍月数: 整数 依据 "基线第七条" = 倍数(月数[等级])
`,
};
const CHILD = {
  'child/policy.xize': `政策 省 标题 "省" 继承 基线 生效 2018-01-01 舍入 四舍五入 到 分
覆盖 参数 平均工资 { 自 2018-01-01: 6000元 依据 "省第一条" }
覆盖 表 月数 { 乙: 12 }
覆盖 规则 本人工资: 金额 依据 "省第二条" = 月工资
例外 补助金 当 旧伤 则 0元 依据 "省第三条"
`,
};

function run(input: Record<string, unknown>) {
  const r = compileFolders(CHILD, { 基线: BASE });
  expect(errorsOf(r), JSON.stringify(codes(r.diagnostics))).toEqual([]);
  const o = loadPolicy(r.ir!).evaluate(input, { asOf: '2024-01-01', explain: true });
  expect(o.errors).toEqual([]);
  return { o, ir: r.ir! };
}

function find(root: TraceNode, pred: (n: TraceNode) => boolean): TraceNode | undefined {
  if (pred(root)) return root;
  if (root.kind === 'rule') for (const c of root.children) {
    const f = find(c, pred);
    if (f) return f;
  }
  return undefined;
}

describe('the trace names the deciding layer', () => {
  it('rules: the override decides 本人工资, the baseline decides 补助金', () => {
    const { o } = run({ 月工资: '7000', 等级: '乙' });
    const top = o.trace!['补助金'] as RuleTraceNode;
    expect(top.policy).toBe('基线');
    expect((find(top, (n) => n.kind === 'rule' && n.name === '本人工资') as RuleTraceNode).policy).toBe('省');
  });

  it('table cells per key: 乙 from the override, 甲 from the baseline', () => {
    const b = run({ 月工资: '7000', 等级: '乙' }).o.trace!['补助金']!;
    const a = run({ 月工资: '7000', 等级: '甲' }).o.trace!['补助金']!;
    const cell = (t: TraceNode) => find(t, (n) => n.kind === 'table') as Extract<TraceNode, { kind: 'table' | 'bands' }>;
    // 乙：省 覆盖 12 个月（自 2018-01-01）；甲：基线 20 个月
    expect([cell(b).policy, cell(b).value, cell(b).from]).toEqual(['省', 12, '2018-01-01']);
    expect([cell(a).policy, cell(a).value]).toEqual(['基线', 20]);
  });

  it('a parameter: the layer of the version in force', () => {
    const { o } = run({ 月工资: '1000', 等级: '甲' });
    // 本人工资 is overridden (= 月工资) and reads no parameter; 平均工资 is read nowhere else — use the plain baseline rule
    expect(find(o.trace!['补助金']!, (n) => n.kind === 'param')).toBeUndefined();
    const r = compileFolders({ 'c/policy.xize': `政策 省2 标题 "省2" 继承 基线 生效 2018-01-01 舍入 四舍五入 到 分
覆盖 参数 平均工资 { 自 2018-01-01: 6000元 依据 "省第一条" }
` }, { 基线: BASE });
    const t = loadPolicy(r.ir!).evaluate({ 月工资: '1000', 等级: '甲' }, { asOf: '2024-01-01', explain: true }).trace!['本人工资']!;
    const avg = find(t, (n) => n.kind === 'param' && n.name === '平均工资') as Extract<TraceNode, { kind: 'param' }>;
    const ratio = find(t, (n) => n.kind === 'param' && n.name === '保底比例') as Extract<TraceNode, { kind: 'param' }>;
    expect([avg.policy, ratio.policy]).toEqual(['省2', '基线']);
  });

  it('an exception that applies decides the value: its layer', () => {
    const { o, ir } = run({ 月工资: '7000', 等级: '乙', 旧伤: true });
    const top = o.trace!['补助金'] as RuleTraceNode;
    expect(top.value).toBe('0.00');
    expect(top.policy).toBe('省');
    expect(explainRule(ir, top, '2024-01-01')?.layer).toBe('省');
  });

  it('a parameterised rule call carries its layer', () => {
    const { o } = run({ 月工资: '7000', 等级: '乙' });
    const call = find(o.trace!['加倍月数']!, (n) => n.kind === 'rule' && n.name === '倍数') as RuleTraceNode;
    expect(call.args).toEqual([12]);
    expect(call.policy).toBe('基线');
  });
});
