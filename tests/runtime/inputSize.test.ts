// Issue 11, open defect: 100 000 unknown input keys took minutes (every ajv error rendered the
// whole object it sat in), and ajv built one error per key although 100 are listed. The
// pre-scan (runtime/inputSize.ts) counts unknown keys in one pass and stops validation; an
// over-long list or text is one XI015. The cost is asserted by counting how often the input's
// keys are enumerated (a Proxy), not by timing: before the fix it was once per error.
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { MAX_CASE_ERRORS, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from '../../runtime/limits.ts';

const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
  名称?: 文本
  明细?: 列表[金额]
}
规则 结果: 金额 依据 "测" = 工资 + 1元
`;
const policy = loadPolicy(compilePolicy({ files: [{ path: 't.xize', text: TEXT }] }).ir!);
const AS_OF = '2024-06-01';

function withUnknown(n: number): Record<string, unknown> {
  const o: Record<string, unknown> = { 工资: '1' };
  for (let i = 0; i < n; i++) o[`k${i}`] = i;
  return o;
}

describe('input size', () => {
  it('100 000 unknown keys: 100 XI007, then XI014 counting the other 99 900; keys enumerated a bounded number of times', () => {
    const target = withUnknown(100_000);
    let enumerations = 0;
    const input = new Proxy(target, {
      ownKeys: (t) => {
        enumerations++;
        return Reflect.ownKeys(t);
      },
    });
    const o = policy.evaluate(input, { asOf: AS_OF });
    expect(o.ok).toBe(false);
    expect(o.inputErrors).toHaveLength(MAX_CASE_ERRORS + 1);
    expect(o.inputErrors.slice(0, MAX_CASE_ERRORS).every((e) => e.code === 'XI007')).toBe(true);
    expect(o.inputErrors[0]!.path).toBe('k0');
    expect(o.inputErrors[MAX_CASE_ERRORS]!.code).toBe('XI014');
    expect(o.inputErrors[MAX_CASE_ERRORS]!.message.en).toBe(`${100_000 - MAX_CASE_ERRORS} more input errors not shown (at most ${MAX_CASE_ERRORS} per case)`);
    // the fen reader, the fast check and the pre-scan each enumerate once; ajv never sees it
    expect(enumerations).toBeLessThanOrEqual(4);
  });

  it('declared fields after the unknown keys are still read: a bad one is counted in "N more"', () => {
    const input = withUnknown(500);
    input['明细'] = ['x'.repeat(MAX_TEXT_CHARS + 1)];
    const o = policy.evaluate(input, { asOf: AS_OF });
    expect(o.inputErrors[MAX_CASE_ERRORS]!.code).toBe('XI014');
    // 400 unknown keys past the listed 100, plus the over-long text
    expect(o.inputErrors[MAX_CASE_ERRORS]!.message.en).toMatch(/^401 more/);
  });

  it('at most MAX_CASE_ERRORS unknown keys: the schema still runs and reports the other errors', () => {
    const input = withUnknown(3);
    input['工资'] = '-1';
    const codes = policy.evaluate(input, { asOf: AS_OF }).inputErrors.map((e) => e.code).sort();
    expect(codes).toEqual(['XI007', 'XI007', 'XI007', 'XI008']);
  });

  it('an over-long list or text is one XI015 naming the field, bilingual', () => {
    const list = policy.evaluate({ 工资: '1', 明细: new Array(MAX_LIST_ITEMS + 1).fill('1') }, { asOf: AS_OF });
    expect(list.inputErrors.map((e) => [e.code, e.path])).toEqual([['XI015', '明细']]);
    expect(list.inputErrors[0]!.message.zh).toBe(`列表“明细”过大：有 ${MAX_LIST_ITEMS + 1} 项，最多 ${MAX_LIST_ITEMS} 项`);
    expect(list.inputErrors[0]!.message.en).toBe(`the list "明细" is too large: ${MAX_LIST_ITEMS + 1} items, at most ${MAX_LIST_ITEMS}`);
    const text = policy.evaluate({ 工资: '1', 名称: 'x'.repeat(MAX_TEXT_CHARS + 1) }, { asOf: AS_OF });
    expect(text.inputErrors.map((e) => [e.code, e.path])).toEqual([['XI015', '名称']]);
    // a valid decimal text that long is refused too (it would lose digits past 40)
    const digits = policy.evaluate({ 工资: '9'.repeat(MAX_TEXT_CHARS + 1) }, { asOf: AS_OF });
    expect(digits.inputErrors.map((e) => e.code)).toEqual(['XI015']);
    // at the limit both are accepted
    expect(policy.evaluate({ 工资: '1', 明细: new Array(MAX_LIST_ITEMS).fill('1'), 名称: 'x'.repeat(MAX_TEXT_CHARS) }, { asOf: AS_OF }).ok).toBe(true);
  });

  it('10 000 bad list items: 100 listed, "N more" counts the rest', () => {
    const o = policy.evaluate({ 工资: '1', 明细: new Array(10_000).fill('-1') }, { asOf: AS_OF });
    expect(o.inputErrors).toHaveLength(MAX_CASE_ERRORS + 1);
    expect(o.inputErrors[0]!.code).toBe('XI008');
    expect(o.inputErrors[MAX_CASE_ERRORS]!.message.en).toMatch(new RegExp(`^${10_000 - MAX_CASE_ERRORS} more`));
  });
});
