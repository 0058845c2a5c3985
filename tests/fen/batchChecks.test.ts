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
