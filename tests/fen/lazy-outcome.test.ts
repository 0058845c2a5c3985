// The fen path's Outcome (runtime/lazyOutcome.ts) writes its output texts and runs its checks
// only when they are read. What is read must be what the decimal path gives for the case as it
// was evaluated, even when the caller changes its input and parameter objects afterwards.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { fenStats } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir).filter((f) => f.endsWith('.xize')).sort().map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const policy = loadPolicy(compilePolicy({ files }).ir!);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const AS_OF = '2024-06-01';

describe('lazy fen outcomes', () => {
  it('texts and checks read later equal the decimal answer for the case as evaluated', () => {
    for (let k = 0; k < 12; k++) {
      const input: Record<string, unknown> = { 受伤日期: '2023-03-15', 月缴费工资: k % 2 ? '4800.01' : '30000.05', 伤残等级: k % 3 ? '五级' : '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '完全不能自理' };
      const parameters: Record<string, unknown> = { 统筹地区上年度职工月平均工资: '8000.01', 最低工资标准: '2100' };
      const want = policy.evaluate({ ...input }, { asOf: AS_OF, parameters: { ...parameters }, outputs: OUTPUTS, engine: 'decimal' });
      const before = fenStats.answered;
      const got = policy.evaluate(input, { asOf: AS_OF, parameters, outputs: OUTPUTS });
      expect(fenStats.answered).toBe(before + 1); // the fen path answered it
      // the caller reuses its objects before reading anything
      input['月缴费工资'] = '1.00';
      input['伤残等级'] = '十级';
      parameters['统筹地区上年度职工月平均工资'] = '99999';
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expect(got.outputs).toEqual(want.outputs);
      expect(got.outputs['一次性伤残补助金']!.display).toMatch(/元$/);
      expect(got.checks).toEqual(want.checks);
      expect(got.ok).toBe(want.ok);
      expect(got.inputErrors).toEqual([]);
      expect(got.unavailable).toEqual({});
    }
  });

  it('outputs read twice are the same object; a value written by the caller stays', () => {
    const o = policy.evaluate(
      { 受伤日期: '2023-03-15', 月缴费工资: '9000', 伤残等级: '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' },
      { asOf: AS_OF, parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2000' }, outputs: OUTPUTS },
    );
    expect(o.outputs).toBe(o.outputs);
    expect(o.outputs['本人工资']).toEqual({ type: 'money', value: '9000.00', display: '9,000.00元' }); // 9000 within 60 %–300 % of 8000
    o.outputs['x'] = { type: 'text', value: 'y', display: 'y' };
    expect(Object.keys(o.outputs)).toEqual([...OUTPUTS, 'x']);
  });
});
