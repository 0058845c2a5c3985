// Straight-line kernels (runtime/fenKernel.ts): once a case shape recurs, the kernel answers it;
// its answers equal the decimal path's, and a bad value in the same shape still gets the
// decimal path's coded error naming the field.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { fenStats } from '../../runtime/index.ts';

const dir = 'provinces/national';
const files = readdirSync(dir).filter((f) => f.endsWith('.xize')).sort().map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const policy = loadPolicy(compilePolicy({ files }).ir!);
const OUTPUTS = ['本人工资', '一次性伤残补助金', '伤残津贴', '生活护理费'];
const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
/** output values as plain objects (the fen path's write their texts on read, runtime/fenValue.ts) */
const plain = (o: unknown) => JSON.parse(JSON.stringify(o));

describe('fen kernels', () => {
  it('a negative wage (number or text) in a recurring shape gets the decimal path\'s XI008, never an answer (fuzz finding)', () => {
    const o = { asOf: '2024-06-01', parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2000' }, outputs: OUTPUTS };
    const good = { 受伤日期: '2023-03-15', 月缴费工资: 5000, 伤残等级: '五级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' };
    for (let k = 0; k < 5; k++) policy.evaluate(good, o); // the shape recurs: a kernel is built
    for (const wage of [-1, -0.01, '-1', '-5000.00']) {
      const input = { ...good, 月缴费工资: wage };
      const fast = policy.evaluate(input, o);
      expect(fast.ok).toBe(false);
      expect(fast.inputErrors.map((e) => `${e.code} ${e.path}`)).toContain('XI008 月缴费工资');
      expect(plain(fast.outputs)).toEqual(policy.evaluate(input, { ...o, engine: 'decimal' }).outputs);
    }
  });
  it('recurring shape: same values as decimal at band edges and half cents; bad values still coded errors', () => {
    // avg 8000.01: 60 % = 4800.006 → 4800.01, 300 % = 24000.03; wages on and next to both edges
    const wages = ['4800.00', '4800.01', '4800.02', '24000.02', '24000.03', '24000.04', '1000.00', '99999.99', '8219.47'];
    for (let k = 0; k < 60; k++) {
      const input = { 受伤日期: '2023-03-15', 月缴费工资: wages[k % wages.length]!, 伤残等级: GRADES[k % 10]!, 用人单位安排适当工作: k % 3 === 0, 生活自理障碍等级: CARE[k % 4]! };
      const parameters = { 统筹地区上年度职工月平均工资: k % 2 ? '8000.01' : '8219.47', 最低工资标准: String(1900 + k * 13) };
      const o = { asOf: '2024-06-01', parameters, outputs: OUTPUTS };
      expect(plain(policy.evaluate(input, o).outputs)).toEqual(policy.evaluate(input, { ...o, engine: 'decimal' }).outputs);
    }
    const before = fenStats.answered;
    const bad = policy.evaluate(
      { 受伤日期: '2023-03-15', 月缴费工资: '12x', 伤残等级: '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' },
      { asOf: '2024-06-01', parameters: { 统筹地区上年度职工月平均工资: '8000', 最低工资标准: '2000' }, outputs: OUTPUTS },
    );
    expect(fenStats.answered).toBe(before);
    expect(bad.ok).toBe(false);
    expect(bad.inputErrors.map((e) => e.path)).toContain('月缴费工资');
    const neg = policy.evaluate(
      { 受伤日期: '2023-03-15', 月缴费工资: '9000', 伤残等级: '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' },
      { asOf: '2024-06-01', parameters: { 统筹地区上年度职工月平均工资: '-8000', 最低工资标准: '2000' }, outputs: OUTPUTS },
    );
    expect(neg).toEqual(policy.evaluate(
      { 受伤日期: '2023-03-15', 月缴费工资: '9000', 伤残等级: '一级', 用人单位安排适当工作: false, 生活自理障碍等级: '无需护理' },
      { asOf: '2024-06-01', parameters: { 统筹地区上年度职工月平均工资: '-8000', 最低工资标准: '2000' }, outputs: OUTPUTS, engine: 'decimal' },
    ));
  });
});
