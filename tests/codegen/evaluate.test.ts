// Semantics of generated code on a hand-built two-layer IR (no parser involved).
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../compiler/load.ts';
import { emitBody } from '../../compiler/codegen.ts';
import * as runtime from '../../runtime/index.ts';
import { createValidator } from '../../runtime/validate.ts';
import type { IrPolicy } from '../../compiler/ir.ts';
import type { TraceNode, RuleTraceNode } from '../../runtime/trace.ts';
import { samplePolicy, baseInput } from './sample.ts';
import { T, money, rate, input, rule, arith, mkRule, one, span, mkPolicy, bool, cmp, num } from './ir.ts';

const AS_OF = '2024-08-01';

function withCounter(ir: IrPolicy) {
  const counts: Record<string, number> = {};
  const E = runtime.evalSupport;
  const spy = {
    ...E,
    createPolicy: (M: runtime.PolicyModel) => {
      for (const r of M.rules) {
        const f = r.fn;
        r.fn = (...a: unknown[]) => {
          counts[r.name] = (counts[r.name] ?? 0) + 1;
          return (f as (...x: unknown[]) => unknown)(...a);
        };
      }
      return E.createPolicy(M);
    },
  };
  const policy = loadPolicy(ir, { runtime: { ...runtime, evalSupport: spy } });
  return { policy, counts };
}

function findAll(node: TraceNode, pred: (n: TraceNode) => boolean, out: TraceNode[] = []): TraceNode[] {
  if (pred(node)) out.push(node);
  if (node.kind === 'rule') for (const c of node.children) findAll(c, pred, out);
  return out;
}

describe('generated code: evaluation semantics', () => {
  const policy = loadPolicy(samplePolicy());

  it('the body is plain JS that new Function accepts', () => {
    expect(() => new Function('rt', emitBody(samplePolicy()))).not.toThrow();
  });

  it('computes outputs with layered, dated parameters and `于`', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF });
    // 本人工资 = clamp(3000, avg@受伤日期 × 60%, avg@受伤日期 × 300%); avg at 2024-03-15 = 9000 (全国 2024-01-01)
    expect(o.outputs['本人工资']).toEqual({ type: 'money', value: '5400.00', display: '5,400.00元' });
    // plain reference at the as-of date: 浙江's layer (2490) wins over 全国 (2000) at every date
    expect(o.outputs['最低工资']!.value).toBe('2490.00');
    expect(o.outputs['去年最低工资']!.value).toBe('2490.00');
    // before 浙江's 2024-07-01 version the national 2024 figure applies
    const early = policy.evaluate(baseInput, { asOf: '2024-06-30', explain: true });
    expect(early.outputs['本人工资']!.value).toBe('5400.00');
  });

  it('tables are layered per key and by date', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF, explain: true });
    // 五级: 浙江's unversioned row (20) overrides 全国's 18
    expect(o.outputs['一次性伤残补助金']!.value).toBe('108000.00');
    const t = findAll(o.trace!['一次性伤残补助金']!, (n) => n.kind === 'table')[0]!;
    expect(t).toMatchObject({ kind: 'table', name: '伤残补助金月数', key: '五级', value: 20, policy: '浙江', from: null, cite: '浙江细则' });
    // 一级 comes from 全国's 2011 version; in 2010 from the 2004 version
    const g1 = policy.evaluate({ ...baseInput, 伤残等级: '一级' }, { asOf: AS_OF });
    expect(g1.outputs['一次性伤残补助金']!.value).toBe(String(5400 * 27) + '.00');
    const g1old = policy.evaluate({ ...baseInput, 伤残等级: '一级' }, { asOf: '2010-06-01', outputs: ['一次性伤残补助金'] });
    // effective 2011-01-01: as-of before it is an error
    expect(g1old.errors.map((e) => e.code)).toEqual(['XR001']);
  });

  it('records the date a parameter was taken at and its version (trace)', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF, explain: true, outputs: ['本人工资'] });
    const params = findAll(o.trace!['本人工资']!, (n) => n.kind === 'param');
    expect(params).toContainEqual(
      expect.objectContaining({ name: '统筹地区月平均工资', at: '2024-03-15', from: '2024-01-01', policy: '全国', value: '9000.00', cite: '2024年公布' }),
    );
    expect(params).toContainEqual(expect.objectContaining({ name: '保底比例', at: AS_OF, from: null, value: '0.6', display: '60%' }));
    const inputs = findAll(o.trace!['本人工资']!, (n) => n.kind === 'input');
    expect(inputs).toContainEqual({ kind: 'input', path: '月缴费工资', value: '3000.00' });
  });

  it('memoises a rule used three times: computed once per case', () => {
    const { policy: p, counts } = withCounter(samplePolicy());
    const o = p.evaluate(baseInput, { asOf: AS_OF, outputs: ['三倍本人工资'] });
    expect(o.outputs['三倍本人工资']!.value).toBe('16200.00');
    expect(counts['本人工资']).toBe(1);
    expect(counts['三倍本人工资']).toBe(1);
    // once per case, also with explain on and across outputs
    const o2 = p.evaluate(baseInput, { asOf: AS_OF, explain: true });
    expect(o2.ok).toBe(false); // the sample has deliberately failing outputs
    expect(counts['本人工资']).toBe(2);
    const node = o2.trace!['三倍本人工资'] as RuleTraceNode;
    expect(node.children.filter((c) => c.kind === 'rule' && c.name === '本人工资')).toHaveLength(1);
    // a second case recomputes (memo is per case)
    p.evaluate(baseInput, { asOf: AS_OF, outputs: ['三倍本人工资'] });
    expect(counts['本人工资']).toBe(3);
  });

  it('per-case parameter overrides win over every layer, at every date', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF, parameters: { 统筹地区月平均工资: '10000', 保底比例: '50%' }, explain: true, outputs: ['本人工资'] });
    expect(o.outputs['本人工资']!.value).toBe('5000.00'); // 10000 × 50%
    const p = findAll(o.trace!['本人工资']!, (n) => n.kind === 'param' && n.name === '统筹地区月平均工资')[0]!;
    expect(p).toMatchObject({ overridden: true, at: '2024-03-15', value: '10000.00' });
    // the override does not leak into the next case
    expect(policy.evaluate(baseInput, { asOf: AS_OF }).outputs['本人工资']!.value).toBe('5400.00');
  });

  it('rejects unknown and ill-typed overrides', () => {
    const bad = policy.evaluate(baseInput, { asOf: AS_OF, parameters: { 没有这个参数: '1', 统筹地区月平均工资: 'abc' } });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => e.code).sort()).toEqual(['XR010', 'XR011']);
    expect(Object.keys(bad.outputs)).toHaveLength(0);
  });

  it('exceptions: exactly one applies → its value; none → the body', () => {
    const o = policy.evaluate({ ...baseInput, 旧伤复发: true }, { asOf: AS_OF, explain: true, outputs: ['一次性伤残补助金'] });
    expect(o.outputs['一次性伤残补助金']!.value).toBe('0.00');
    expect((o.trace!['一次性伤残补助金'] as RuleTraceNode).exception).toEqual({ cite: '条例第十五条', policy: '全国' });
    const n = policy.evaluate({ ...baseInput, 旧伤复发: false }, { asOf: AS_OF, outputs: ['一次性伤残补助金'] });
    expect(n.outputs['一次性伤残补助金']!.value).toBe('108000.00');
    // a condition needing an absent optional input does not hold
    expect(policy.evaluate(baseInput, { asOf: AS_OF }).outputs['一次性伤残补助金']!.value).toBe('108000.00');
  });

  it('exceptions: several at once → XR007 naming them with their citations', () => {
    const ir = mkPolicy({
      name: 'P',
      inputs: [
        { name: 'a', type: T.boolean, optional: false, policy: 'P', span },
        { name: 'b', type: T.boolean, optional: false, policy: 'P', span },
      ],
      rules: [
        mkRule('x', T.money, [one('P', money('100'))], {
          exceptions: [
            { condition: input('a', T.boolean), value: money('1'), cite: '第一条', policy: 'P', span },
            { condition: input('b', T.boolean), value: money('2'), cite: '第二条', policy: 'Q', span },
          ],
        }),
        mkRule('y', T.money, [one('P', arith('+', rule('x', T.money), money('1')))]),
      ],
    });
    const p = loadPolicy(ir);
    const o = p.evaluate({ a: true, b: true }, { asOf: '2024-01-01' });
    expect(o.ok).toBe(false);
    expect(o.errors).toHaveLength(1);
    const e = o.errors[0]!;
    expect(e.code).toBe('XR007');
    expect(e.rule).toBe('x');
    expect(e.message.zh).toContain('第一条');
    expect(e.message.zh).toContain('第二条');
    expect(e.affects).toEqual(['x', 'y']);
    expect(p.evaluate({ a: false, b: true }, { asOf: '2024-01-01' }).outputs['x']!.value).toBe('2.00');
    expect(p.evaluate({ a: false, b: false }, { asOf: '2024-01-01' }).outputs['y']!.value).toBe('101.00');
  });

  it('an absent optional input makes the output unavailable, not an error', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF });
    expect(o.unavailable['丧葬补助金']).toEqual({ missing: ['死亡日期'] });
    expect(o.outputs['丧葬补助金']).toBeUndefined();
    expect(o.errors.find((e) => e.rule === '丧葬补助金')).toBeUndefined();
    const d = policy.evaluate({ ...baseInput, 死亡日期: '2024-04-01' }, { asOf: AS_OF });
    // avg at the as-of date (浙江 9120) × 6
    expect(d.outputs['丧葬补助金']!.value).toBe('54720.00');
    // lists: the optional list absent → unavailable; present → summed
    expect(o.unavailable['抚恤金合计']).toEqual({ missing: ['供养亲属'] });
    const f = policy.evaluate(
      { ...baseInput, 供养亲属: [{ 关系: '配偶', 出生日期: '1980-01-01' }, { 关系: '子女', 出生日期: '2010-01-01', 孤寡: false }] },
      { asOf: AS_OF },
    );
    expect(f.outputs['抚恤金合计']!.value).toBe('3780.00'); // 5400 × 40% + 5400 × 30%
    expect(f.outputs['亲属人数']).toEqual({ type: 'integer', value: 2, display: '2' });
  });

  it('money rules are rounded at the rule boundary (and only there)', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF, explain: true });
    expect(o.outputs['日工资']!.value).toBe('248.28'); // 5400 / 21.75 = 248.2758…
    expect(o.outputs['日工资_不舍入']!.value).toBe('248.2758620689655172413793103448275862069');
    const r = findAll(o.trace!['日工资']!, (n) => n.kind === 'rounding')[0]!;
    expect(r).toEqual({ kind: 'rounding', mode: 'half_up', unit: 'fen', before: '248.2758620689655172413793103448275862069', after: '248.28' });
    // a rule using a rounded rule sees the rounded value
    const ir = samplePolicy();
    ir.rules.push(mkRule('两倍日工资', T.money, [one('浙江', arith('*', rule('日工资', T.money), num('2'), T.money))], { rounding: null }));
    expect(loadPolicy(ir).evaluate(baseInput, { asOf: AS_OF }).outputs['两倍日工资']!.value).toBe('496.56');
  });

  it('dated rule versions, workday calendar, enums and bands', () => {
    const o = policy.evaluate({ ...baseInput, 支缴率: '0.3' }, { asOf: AS_OF, explain: true });
    expect(o.outputs['通知期限']).toEqual({ type: 'workdays', value: 10, display: '10个工作日' });
    expect((o.trace!['通知期限'] as RuleTraceNode).version).toBe('2022-06-16');
    expect((o.trace!['通知期限'] as RuleTraceNode).cite).toBe('规程(2022)');
    expect(o.outputs['通知截止日']!.value).toBe('2024-03-29');
    expect(o.outputs['浮动费率']).toEqual({ type: 'rate', value: '0.8', display: '80%' });
    expect(o.outputs['重度伤残']!.value).toBe(false);
    expect(policy.evaluate({ ...baseInput, 支缴率: '0.5' }, { asOf: AS_OF }).outputs['浮动费率']!.value).toBe('1');
    expect(policy.evaluate({ ...baseInput, 支缴率: '1.01' }, { asOf: AS_OF }).outputs['浮动费率']!.value).toBe('1.2');
    const out = policy.evaluate({ ...baseInput, 支缴率: '-0.1' }, { asOf: AS_OF });
    expect(out.errors.find((e) => e.code === 'XR005')).toMatchObject({ rule: '浮动费率', affects: ['浮动费率'] });
    const old = policy.evaluate(baseInput, { asOf: '2015-01-01' });
    expect(old.outputs['通知期限']!.value).toBe(5);
  });

  it('evaluation errors are recorded with the rule, never thrown, never NaN', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF });
    const byRule = Object.fromEntries(o.errors.map((e) => [e.rule, e.code]));
    expect(byRule).toMatchObject({ 除零: 'XR009', 整数表值: 'XR004', 用未设参数: 'XR003' });
    expect(JSON.stringify(o)).not.toMatch(/NaN|Infinity/);
    expect(o.ok).toBe(false);
  });

  it('validates the input first: errors → inputErrors, no evaluation', () => {
    const o = policy.evaluate({ 月缴费工资: '3千', 伤残等级: '十一级' }, { asOf: AS_OF });
    expect(o.ok).toBe(false);
    expect(o.inputErrors.map((e) => e.code).sort()).toEqual(['XI001', 'XI003', 'XI004']);
    expect(Object.keys(o.outputs)).toHaveLength(0);
    expect(policy.evaluate(null, { asOf: AS_OF }).inputErrors.length).toBeGreaterThan(0);
    expect(policy.evaluate({ ...baseInput, __proto__x: 1 }, { asOf: AS_OF }).inputErrors[0]!.code).toBe('XI007');
  });

  it('the fast input check agrees with the schema validator', () => {
    const validate = createValidator(policy.inputSchema as object);
    const variants: unknown[] = [
      baseInput,
      { ...baseInput, 月缴费工资: 3000 },
      { ...baseInput, 月缴费工资: '1e3' },
      { ...baseInput, 月缴费工资: Infinity },
      { ...baseInput, 月缴费工资: null },
      { ...baseInput, 受伤日期: '2023-02-29' },
      { ...baseInput, 受伤日期: '2024-02-29' },
      { ...baseInput, 伤残等级: '五级 ' },
      { ...baseInput, 旧伤复发: 'true' },
      { ...baseInput, 供养亲属: [] },
      { ...baseInput, 供养亲属: [{ 关系: '配偶', 出生日期: '1980-01-01' }] },
      { ...baseInput, 供养亲属: [{ 关系: '配偶' }] },
      { ...baseInput, 供养亲属: [{ 关系: '配偶', 出生日期: '1980-01-01', 多余: 1 }] },
      { ...baseInput, 供养亲属: [{ 关系: '配偶', 出生日期: '1980-01-01', 孤寡: null }] },
      { ...baseInput, 供养亲属: {} },
      JSON.parse('{"月缴费工资":"1","伤残等级":"一级","受伤日期":"2024-01-01","__proto__":{"x":1}}'),
      [],
      'text',
    ];
    for (const v of variants) {
      const schemaOk = validate(v).length === 0;
      const evalOk = policy.evaluate(v, { asOf: AS_OF, outputs: [] }).inputErrors.length === 0;
      expect({ v, ok: evalOk }).toEqual({ v, ok: schemaOk });
    }
  });

  it('checks fire per case and are skipped when they need a missing input', () => {
    const low = policy.evaluate({ ...baseInput, 月缴费工资: '2000' }, { asOf: AS_OF });
    expect(low.checks).toEqual([{ name: '工资低于最低工资', severity: 'warning', message: '月缴费工资低于最低工资标准', cite: '条例第三十五条' }]);
    expect(policy.evaluate(baseInput, { asOf: AS_OF }).checks).toEqual([]);
    const dead = policy.evaluate({ ...baseInput, 死亡日期: '2024-01-01' }, { asOf: AS_OF });
    expect(dead.checks.map((c) => c.name)).toEqual(['死亡检查']);
  });

  it('an as-of date before the effective date or malformed is an XR error', () => {
    expect(policy.evaluate(baseInput, { asOf: '2010-12-31' }).errors[0]!.code).toBe('XR001');
    expect(policy.evaluate(baseInput, { asOf: '2024-13-01' }).errors[0]!.code).toBe('XR002');
  });

  it('unknown outputs requested are reported', () => {
    const o = policy.evaluate(baseInput, { asOf: AS_OF, outputs: ['本人工资', '不存在'] });
    expect(o.outputs['本人工资']).toBeDefined();
    expect(o.errors.map((e) => e.code)).toEqual(['XR016']);
  });

  it('exposes policyInfo, outputs and an ajv-compatible schema', () => {
    expect(policy.policyInfo).toMatchObject({ name: '浙江', chain: ['全国', '浙江'], effective: '2011-01-01' });
    expect(policy.outputs.find((x) => x.name === '本人工资')).toMatchObject({ type: 'money', cite: '条例第六十四条', rounding: { mode: 'half_up', unit: 'fen' } });
    expect(policy.outputs.find((x) => x.name === '亲属抚恤比例')).toBeUndefined(); // parameterised: not an output
    const s = policy.inputSchema as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(s.required).toEqual(['月缴费工资', '伤残等级', '受伤日期']);
    expect(s.additionalProperties).toBe(false);
    // money is never negative: `minimum` bounds a number, `pattern` (no minus but "-0") a text
    expect(s.properties['月缴费工资']).toEqual({
      type: ['string', 'number'],
      format: 'decimal',
      minimum: 0,
      pattern: '^(?:\\d+(?:\\.\\d+)?|-0+(?:\\.0+)?)$',
      description: '受伤前12个月平均月缴费工资',
    });
    expect(s.properties['受伤日期']).toEqual({ type: 'string', format: 'date' });
  });

  it('booleans and comparisons over inputs', () => {
    const ir = mkPolicy({
      name: 'B',
      inputs: [{ name: 'x', type: T.money, optional: false, policy: 'B', span }],
      rules: [
        mkRule('大于', T.boolean, [one('B', cmp('>', input('x', T.money), money('10')))]),
        mkRule('常量', T.boolean, [one('B', bool(true))]),
        mkRule('比率', T.rate, [one('B', rate('0.125'))]),
      ],
    });
    const o = loadPolicy(ir).evaluate({ x: '10.00' }, { asOf: '2024-01-01' });
    // the fen path's numeric output values write their texts on read (runtime/fenValue.ts): read directly, and as JSON
    expect([o.outputs['比率']!.type, o.outputs['比率']!.value, o.outputs['比率']!.display]).toEqual(['rate', '0.125', '12.5%']);
    expect(JSON.parse(JSON.stringify(o.outputs))).toEqual({
      大于: { type: 'boolean', value: false, display: '否' },
      常量: { type: 'boolean', value: true, display: '是' },
      比率: { type: 'rate', value: '0.125', display: '12.5%' },
    });
  });
});
