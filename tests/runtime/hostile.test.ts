// Hostile and careless callers of `evaluate` (issue 11 items 2, 3, 7, 11, 13): every bad
// argument is one coded, bilingual error naming the field — never a throw, an error per
// character, "[object Object]", "undefined" or "NaN" in a message, a negative amount accepted, or
// an error-severity check that leaves the case ok.
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import type { Outcome } from '../../runtime/outcome.ts';
import { MAX_CASE_ERRORS, MAX_DATA_DEPTH } from '../../runtime/limits.ts';
import { showValue } from '../../runtime/showValue.ts';

const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
  月数?: 月数
  明细?: 列表[金额]
}
参数 基数: 金额 = 100元 依据 "测"
参数 调整: 金额 = 0元 范围 -50元..50元 依据 "测"
规则 结果: 金额 依据 "测" = 工资 + 基数 + 调整
检查 工资过高 错误 依据 "测" 当 工资 > 1000元 提示 "工资过高"
检查 工资偏高 警告 依据 "测" 当 工资 > 500元 提示 "工资偏高"
`;
const r = compilePolicy({ files: [{ path: 't.xize', text: TEXT }] });
const policy = loadPolicy(r.ir!);
const AS_OF = '2024-06-01';
const codes = (o: Outcome) => [...o.inputErrors.map((e) => e.code), ...o.errors.map((e) => e.code)];

/** Every message and hint of an outcome, in both languages. */
function texts(o: Outcome): string[] {
  const out: string[] = [];
  for (const e of [...o.inputErrors, ...o.errors]) {
    out.push(e.message.zh, e.message.en);
    if (e.hint) out.push(e.hint.zh, e.hint.en);
  }
  return out;
}

function expectClean(o: Outcome): void {
  for (const t of texts(o)) {
    expect(t).not.toContain('[object Object]');
    expect(t).not.toMatch(/\bundefined\b/);
    expect(t).not.toMatch(/\bNaN\b/);
  }
}

describe('hostile values', () => {
  it('compiles', () => expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));

  it('item 2: a parameter override nested 5 000 deep is one XR042 with its data path, not a RangeError', () => {
    let deep: unknown = '1';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    let deepList: unknown = '1';
    for (let i = 0; i < 5000; i++) deepList = [deepList];
    for (const v of [deep, deepList]) {
      const o = policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: { 基数: v } });
      expect(o.ok).toBe(false);
      expect(codes(o)).toEqual(['XR042']);
      const e = o.errors[0]!;
      expect(e.path!.startsWith('parameters.基数')).toBe(true);
      expect(e.message.en).toContain(`more than ${MAX_DATA_DEPTH} levels`);
      expect(e.message.zh).toContain('嵌套过深');
    }
    // within the limit a wrong shape is the ordinary XR011
    expect(codes(policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: { 基数: { a: { b: 1 } } } }))).toEqual(['XR011']);
  });

  it('item 3: a text (or any non-mapping) as parameters, outputs or input is ONE error naming it', () => {
    const big = 'x'.repeat(100_000);
    for (const p of [big, 5, true, ['a']]) {
      const o = policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: p as never });
      expect(codes(o)).toEqual(['XR041']);
      expect(o.errors[0]!.path).toBe('parameters');
      expect(o.errors[0]!.message.en).toContain('parameters must be an object');
      expect(JSON.stringify(o).length).toBeLessThan(2000);
    }
    expect(codes(policy.evaluate({ 工资: '100' }, { asOf: AS_OF, outputs: 'abc' as never }))).toEqual(['XR041']);
    expect(codes(policy.evaluate(big, { asOf: AS_OF }))).toEqual(['XI002']);
    expect(codes(policy.evaluate({ 工资: '100', 明细: big }, { asOf: AS_OF }))).toEqual(['XI002']);
    expect(codes(policy.evaluate({ 工资: '100' }, 'options' as never))).toEqual(['XR041']);
    expect(policy.evaluate({ 工资: '100' }, null as never).ok).toBe(true);
  });

  it('item 3: at most MAX_CASE_ERRORS errors per case, then one "N more" entry', () => {
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 250; i++) many[`k${i}`] = 1;
    const o = policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: many });
    expect(o.errors).toHaveLength(MAX_CASE_ERRORS + 1);
    expect(o.errors[MAX_CASE_ERRORS]!.code).toBe('XR044');
    expect(o.errors[MAX_CASE_ERRORS]!.args.count).toBe(String(250 - MAX_CASE_ERRORS));
    const i = policy.evaluate({ 工资: '100', ...many }, { asOf: AS_OF });
    expect(i.inputErrors).toHaveLength(MAX_CASE_ERRORS + 1);
    expect(i.inputErrors[MAX_CASE_ERRORS]!.code).toBe('XI014');
    expect(i.inputErrors[MAX_CASE_ERRORS]!.message.en).toBe(`${250 - MAX_CASE_ERRORS} more input errors not shown (at most ${MAX_CASE_ERRORS} per case)`);
  });

  it('item 7: negative money and counts are refused in input and overrides; a 范围 allowing negatives is honoured', () => {
    for (const engine of ['auto', 'decimal'] as const) {
      for (const wage of ['-1', -1, '-0.01']) {
        const o = policy.evaluate({ 工资: wage }, { asOf: AS_OF, engine });
        expect(codes(o)).toEqual(['XI008']);
        expect(o.inputErrors[0]!.path).toBe('工资');
        expect(o.inputErrors[0]!.message.en).toContain('must be at least 0');
      }
      expect(codes(policy.evaluate({ 工资: '100', 月数: -3 }, { asOf: AS_OF, engine }))).toEqual(['XI008']);
      expect(codes(policy.evaluate({ 工资: '100', 明细: ['1', '-2'] }, { asOf: AS_OF, engine }))).toEqual(['XI008']);
      // zero is not negative ("-0" is zero)
      expect(policy.evaluate({ 工资: '-0', 月数: 0 }, { asOf: AS_OF, engine }).outputs['结果']!.value).toBe('100.00'); // 0 + 100 + 0
      const neg = policy.evaluate({ 工资: '100' }, { asOf: AS_OF, engine, parameters: { 基数: '-100' } });
      expect(codes(neg)).toEqual(['XR045']);
      expect(neg.errors[0]!.path).toBe('parameters.基数');
      const dated = policy.evaluate({ 工资: '100' }, { asOf: AS_OF, engine, parameters: { 基数: { '2020-01-01': '1', '2024-01-01': '-1' } } });
      expect(codes(dated)).toEqual(['XR045']);
      // 调整 declares 范围 -50元..50元: a negative value inside it is used, 100 + 100 − 30 = 170
      expect(policy.evaluate({ 工资: '100' }, { asOf: AS_OF, engine, parameters: { 调整: '-30' } }).outputs['结果']!.value).toBe('170.00');
      expect(codes(policy.evaluate({ 工资: '100' }, { asOf: AS_OF, engine, parameters: { 调整: '-60' } }))).toEqual(['XR040']);
    }
    const s = policy.inputSchema as { properties: Record<string, Record<string, unknown>> };
    expect(s.properties['工资']).toMatchObject({ minimum: 0 });
    expect(s.properties['月数']).toEqual({ type: 'integer', minimum: 0 });
  });

  it('item 11: hostile values never render as [object Object], undefined or NaN', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const HOSTILE: unknown[] = [{}, { a: { b: { c: 1 } } }, [], [1, [2, [3]]], undefined, null, NaN, Infinity, -Infinity, 'Symbol(x)', Symbol('s'), () => 1, 10n, 'y'.repeat(1_000_000), cyclic, throwing, new Date(0), 'undefined'.slice(0, 0)];
    for (const v of HOSTILE) {
      const outcomes: Outcome[] = [
        policy.evaluate({ 工资: '100' }, { asOf: v as never }),
        policy.evaluate({ 工资: v }, { asOf: AS_OF }),
        policy.evaluate({ 工资: '100', 月数: v }, { asOf: AS_OF }),
        policy.evaluate({ 工资: '100', 明细: [v] }, { asOf: AS_OF }),
        policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: { 基数: v } }),
        policy.evaluate({ 工资: '100' }, { asOf: AS_OF, parameters: { 调整: v } }),
        policy.evaluate({ 工资: '100' }, { asOf: AS_OF, outputs: [v] as never }),
        policy.evaluate(v, { asOf: AS_OF }),
      ];
      for (const o of outcomes) {
        expectClean(o);
        expect(typeof o.asOf).toBe('string');
      }
    }
    expect(policy.evaluate({ 工资: '100' }, { asOf: {} as never }).errors[0]!.message.en).toBe('invalid as-of date: {} (expected YYYY-MM-DD)');
  });

  it('showValue: short, bounded, never throws', () => {
    expect(showValue({ a: 1, b: [1, 2] })).toBe('{"a":1,"b":[1,2]}');
    expect(showValue(undefined)).not.toContain('undefined');
    expect(showValue(NaN)).not.toContain('NaN');
    expect(showValue(Infinity)).toBe('+∞');
    expect(showValue('z'.repeat(10_000)).length).toBeLessThanOrEqual(60);
    expect(showValue(new Proxy({}, { ownKeys: () => { throw new Error('x'); } }))).toBe('{…}');
  });

  it('item 13: an error-severity check that holds makes the case not ok (outputs flagged, kept); a warning does not', () => {
    for (const engine of ['auto', 'decimal'] as const) {
      const warn = policy.evaluate({ 工资: '600' }, { asOf: AS_OF, engine });
      expect(warn.ok).toBe(true);
      expect(warn.checks.map((c) => c.name)).toEqual(['工资偏高']);
      const err = policy.evaluate({ 工资: '1200' }, { asOf: AS_OF, engine });
      expect(err.ok).toBe(false);
      expect(err.checks.map((c) => c.name).sort()).toEqual(['工资偏高', '工资过高']);
      expect(codes(err)).toEqual(['XR043']);
      expect(err.errors[0]).toMatchObject({ rule: '工资过高', cite: '测' });
      expect(err.errors[0]!.message.zh).toBe('错误级检查“工资过高”成立：工资过高');
      expect(err.outputs['结果']!.value).toBe('1300.00'); // 1200 + 100 + 0, kept for review
      expect(JSON.parse(JSON.stringify(err)).ok).toBe(false);
    }
  });
});
