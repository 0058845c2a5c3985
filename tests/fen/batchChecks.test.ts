// Issue 11: the batch API ran no checks, so a case whose error-severity check holds came back
// ok. Now it is not ok, with the same Outcome (XR043, outputs kept for review) as `evaluate`,
// on the fen path and on the decimal path; a warning never blocks.
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { evaluateColumns, evaluateRows } from '../../runtime/batch.ts';

const TEXT = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
}
规则 结果: 金额 依据 "测" = 工资 + 100元
检查 工资过高 错误 依据 "测" 当 工资 > 1000元 提示 "工资过高"
检查 工资偏高 警告 依据 "测" 当 工资 > 500元 提示 "工资偏高"
`;
const policy = loadPolicy(compilePolicy({ files: [{ path: 't.xize', text: TEXT }] }).ir!);
const cases = [{ input: { 工资: '100' } }, { input: { 工资: '600' } }, { input: { 工资: '2000' } }];
const options = { asOf: '2024-06-01', outputs: ['结果'] };

describe('batch runs the error-severity checks', () => {
  for (const engine of ['auto', 'decimal'] as const) {
    it(`${engine}: ok matches evaluate, the blocked case carries XR043 and its outputs`, () => {
      const r = evaluateColumns(policy, cases, { ...options, engine });
      expect([...r.ok]).toEqual([1, 1, 0]);
      expect(r.columns['结果']).toEqual(['200.00', '700.00', '2100.00']);
      const o = r.failures.get(2)!;
      expect(o.ok).toBe(false);
      expect(o.errors.map((e) => [e.code, e.rule])).toEqual([['XR043', '工资过高']]);
      expect(o.outputs['结果']!.value).toBe('2100.00');
      for (const [i, c] of cases.entries()) expect(r.ok[i] === 1).toBe(policy.evaluate(c.input, options).ok);
      if (engine === 'auto') expect(r.fen).toBe(2); // the two ok cases on the fen path, the blocked one decimal
    });
  }

  it('rows: the same', () => {
    const rows = [...evaluateRows(policy, cases, options)];
    expect(rows.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rows[2]!.outcome!.errors[0]!.code).toBe('XR043');
  });
});

// The batch API's straight-line kernels (runtime/fenKernel.ts `fill`) run the error checks inline
// once a shape recurs: many cases of one shape, blocked ones among them, a check on an optional
// input that is present in one shape and absent in the other, and one that reads the optional
// input only on a branch (absent: the check is skipped, though 非 of a missing comparison would
// be true), compared case by case with evaluate.
const TEXT2 = `政策 测二 生效 2020-01-01 舍入 四舍五入 到 分
输入 {
  工资: 金额
  扣款?: 金额
}
规则 结果: 金额 依据 "测" = 工资 + 100元
检查 工资过高 错误 依据 "测" 当 工资 > 1000元 提示 "工资过高"
检查 扣款过多 错误 依据 "测" 当 扣款 > 工资 提示 "扣款过多"
检查 未扣款 错误 依据 "测" 当 工资 > 700元 且 非 (扣款 > 0元) 提示 "未扣款"
检查 工资偏高 警告 依据 "测" 当 工资 > 500元 提示 "工资偏高"
`;
const policy2 = loadPolicy(compilePolicy({ files: [{ path: 't2.xize', text: TEXT2 }] }).ir!);

describe('batch kernels run the error-severity checks', () => {
  it('a recurring shape: ok, values and failures as evaluate gives them', () => {
    const many: { input: Record<string, unknown> }[] = [];
    for (let k = 0; k < 60; k++) {
      // 工资 = 50·k (> 1000 from k = 21: blocked); 扣款 in every other case, above 工资 when k % 4 === 1
      const input: Record<string, unknown> = { 工资: String(50 * k) };
      if (k % 2 === 1) input['扣款'] = k % 4 === 1 ? String(50 * k + 1) : '0';
      many.push({ input });
    }
    const r = evaluateColumns(policy2, many, options);
    for (const [i, c] of many.entries()) {
      const o = policy2.evaluate(c.input, options);
      expect(r.ok[i]).toBe(o.ok ? 1 : 0);
      expect(r.columns['结果']![i]).toBe(`${50 * i + 100}.00`);
      if (!o.ok) expect(r.failures.get(i)!.errors.map((e) => e.rule)).toEqual(o.errors.map((e) => e.rule));
    }
    // blocked: 工资过高 k ≥ 21 (39 cases); below that 扣款过多 k % 4 === 1 (k = 1, 5, 9, 13, 17) and
    // 未扣款 (工资 > 700 from k = 15, 扣款 = 0 when k % 4 === 3: k = 15, 19); the even k from 15 to
    // 20 have no 扣款, so 未扣款 is skipped for them, not held
    expect([...r.ok].filter((x) => x === 0).length).toBe(39 + 5 + 2);
    expect(r.ok[16]).toBe(1);
    expect(r.fen).toBe(60 - 46); // the ok cases on the fen path, the blocked ones on the decimal path
  });
});
