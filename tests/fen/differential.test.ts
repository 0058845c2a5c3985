// The fen path against the decimal path on the national baseline, over generated boundary
// cases: wages on and next to the 60 % floor and 300 % ceiling (band edges and the clamp),
// regional averages whose 60 % / 30 % / 40 % / 50 % land on half a fen (rounding ties), allowances
// on and next to the minimum wage, every grade and care level, the optional inputs that switch
// exceptions and versions on. Every fen-capable output is compared to the fen.
import { readPolicyFolder } from '../../cli/io.ts';
import { describe, expect } from 'vitest';
import { it, fc } from '@fast-check/vitest';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import { fenStats } from '../../runtime/fenEval.ts';

const dir = 'provinces/national';
const files = readPolicyFolder(dir); // the CLI's reader: one way to read a policy folder
const ir = compilePolicy({ files }).ir!;
const policy = loadPolicy(ir);
const GRADES = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级'];
const CARE = ['无需护理', '部分不能自理', '大部分不能自理', '完全不能自理'];
const OUTPUTS = ['本人工资', '本人工资下限', '本人工资上限', '一次性伤残补助金', '伤残津贴', '伤残津贴计算额', '伤残津贴最低工资补差', '伤残津贴核定额', '生活护理费', '享受伤残津贴'];

const fen = (c: number) => {
  const s = String(Math.abs(c)).padStart(3, '0');
  return `${c < 0 ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
};
// averages in fen whose 60 %, 30 %, 50 % … are on half a fen or next to it
const avgCents = fc.oneof(fc.integer({ min: 300_000, max: 3_000_000 }), fc.integer({ min: 30_000, max: 300_000 }).map((k) => k * 10 + 5));
const kase = fc
  .record({
    avg: avgCents,
    edge: fc.constantFrom('floor', 'ceiling', 'inside', 'min-wage'),
    delta: fc.integer({ min: -2, max: 2 }),
    grade: fc.constantFrom(...GRADES),
    care: fc.constantFrom(...CARE),
    minWage: fc.integer({ min: 100_000, max: 400_000 }),
    arranged: fc.boolean(),
    retired: fc.option(fc.boolean(), { nil: undefined }),
    veteran: fc.option(fc.boolean(), { nil: undefined }),
    injured: fc.constantFrom('2010-12-31', '2011-01-01', '2023-03-15'),
    asOf: fc.constantFrom('2022-06-15', '2022-06-16', '2024-06-01'),
  })
  .map((k) => {
    const floor = Math.round((k.avg * 6) / 10);
    const ceiling = k.avg * 3;
    const wage = k.edge === 'floor' ? floor + k.delta : k.edge === 'ceiling' ? ceiling + k.delta : k.edge === 'inside' ? Math.round((floor + ceiling) / 2) + k.delta : Math.round(k.minWage / 0.6) + k.delta;
    const input: Record<string, unknown> = {
      受伤日期: k.injured,
      工伤认定日期: '2011-03-01',
      月缴费工资: fen(Math.max(wage, 1)),
      伤残等级: k.grade,
      用人单位安排适当工作: k.arranged,
      生活自理障碍等级: k.care,
    };
    if (k.retired !== undefined) input.已退休 = k.retired;
    if (k.veteran !== undefined) input.革命伤残军人旧伤复发 = k.veteran;
    return { input, asOf: k.asOf, parameters: { 统筹地区上年度职工月平均工资: fen(k.avg), 最低工资标准: fen(k.minWage) } };
  });

describe('fen path = decimal path on the national baseline', () => {
  const known = OUTPUTS.filter((o) => ir.rules.some((r) => r.name === o));
  it.prop([kase], { numRuns: 3000 })('boundary cases agree to the fen', (c) => {
    const options = { asOf: c.asOf, parameters: c.parameters, outputs: known };
    const a = policy.evaluate(c.input, { ...options, engine: 'auto' });
    const b = policy.evaluate(c.input, { ...options, engine: 'decimal' });
    expect(JSON.stringify(a.outputs)).toBe(JSON.stringify(b.outputs));
    expect(a.ok).toBe(b.ok);
    expect(a.checks).toEqual(b.checks);
  });
  it('the fen path answered those cases (it is the path under test)', () => {
    expect(fenStats.answered).toBeGreaterThan(2000);
  });
});
