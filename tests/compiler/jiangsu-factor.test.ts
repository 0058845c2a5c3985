// 江苏 art 27: a 设区的市 may move both leaving subsidies by at most 20 %. The province declares
// its factors with `范围 80%..120%`; a city layer that sets a factor outside is a compile error
// (XC068) at the value it wrote, in both languages. Also the construct itself on small policies:
// bounds must be constant and ordered (XC069), an override cannot restate the range, and a
// per-case override outside the range is XR040. Expected amounts are worked by hand below.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, type SourceFile } from '../../compiler/index.ts';
import { codes, compileFolders, errorsOf, expectDiag } from './helpers.ts';

function folder(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xize'))
    .sort()
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
}

const parents: Record<string, SourceFile[]> = { 全国: folder('provinces/national'), 江苏: folder('provinces/jiangsu') };

function city(body: string): { result: ReturnType<typeof compilePolicy>; text: string } {
  // abstract like the province: the city's wages and other local figures are not in the sources
  const text = `抽象 政策 某市 继承 江苏 生效 2015-01-01 舍入 四舍五入 到 分\n${body}\n`;
  return { result: compilePolicy({ files: [{ path: 'city/policy.xize', text }], resolve: (n) => parents[n] }), text };
}

const caseInput = {
  受伤日期: '2023-03-10',
  月缴费工资: '6000.00',
  伤残等级: '五级',
  劳动关系终止原因: '本人提出',
  劳动关系终止日期: '2024-06-30',
  达到法定退休年龄日期: '2045-06-30',
};

describe('江苏 city factor (范围 80%..120%)', () => {
  it('+21 % in a city layer is XC068 at the overriding value, bilingual, citing art 27', () => {
    const { result, text } = city('覆盖 参数 设区的市一次性工伤医疗补助金调整系数 = 121% 依据 "某市文件"');
    expect(result.ir).toBeUndefined();
    const d = expectDiag(result, 'XC068', 'city/policy.xize', text, '121%');
    expect(d.message.zh).toContain('80%..120%');
    expect(d.message.zh).toContain('121%');
    expect(d.message.en).toContain('outside its declared range 80%..120%');
    expect(d.cite).toContain('第二十七条');
    expect(d.related?.[0]?.span.file).toBe('provinces/jiangsu/disability.xize');
  });

  it('−21 % on the employment factor alone is XC068 too; the medical factor inherits nothing wrong', () => {
    const { result, text } = city('覆盖 参数 设区的市一次性工伤医疗补助金调整系数 = 100%\n覆盖 参数 设区的市一次性伤残就业补助金调整系数 = 79%');
    const d = expectDiag(result, 'XC068', 'city/policy.xize', text, '79%');
    expect(d.message.en).toContain("'设区的市一次性伤残就业补助金调整系数'");
    expect(codes(errorsOf(result)).filter((c) => c === 'XC068')).toHaveLength(1);
  });

  it('a medical factor of 121 % also puts the defaulted employment factor out of range (it equals it)', () => {
    const { result } = city('覆盖 参数 设区的市一次性工伤医疗补助金调整系数 = 121%');
    const names = result.diagnostics.filter((d) => d.code === 'XC068').map((d) => d.message.en);
    expect(names.some((m) => m.includes("'设区的市一次性工伤医疗补助金调整系数'"))).toBe(true);
    expect(names.some((m) => m.includes("'设区的市一次性伤残就业补助金调整系数'"))).toBe(true);
  });

  it('exactly +20 % and −20 % compile, and compute the hand-worked amounts', () => {
    for (const [factor, medical, employment] of [
      ['120%', '240000.00', '114000.00'], // 200000 × 120% = 240000; 95000 × 120% = 114000
      ['80%', '160000.00', '76000.00'], //   200000 × 80% = 160000;  95000 × 80% = 76000
    ]) {
      const { result } = city(`覆盖 参数 设区的市一次性工伤医疗补助金调整系数 = ${factor} 依据 "某市文件"`);
      expect(errorsOf(result), factor).toEqual([]);
      const out = loadPolicy(result.ir!).evaluate(caseInput, { asOf: '2024-07-15', parameters: { 统筹地区上年度职工月平均工资: '8000' } });
      expect(out.outputs['一次性工伤医疗补助金']?.value, factor).toBe(medical);
      expect(out.outputs['一次性伤残就业补助金']?.value, factor).toBe(employment);
    }
  });

  it('a dated city figure is checked in its own period', () => {
    const { result, text } = city('覆盖 参数 设区的市一次性工伤医疗补助金调整系数 { 自 2015-01-01: 110%  自 2020-01-01: 125% }');
    const d = expectDiag(result, 'XC068', 'city/policy.xize', text, '125%');
    expect(d.message.zh).toContain('自 2020-01-01 起');
    expect(codes(errorsOf(result)).filter((c) => c === 'XC068').length).toBeGreaterThanOrEqual(1);
    expect(result.diagnostics.some((x) => x.code === 'XC068' && x.message.zh.includes('110%'))).toBe(false);
  });
});

describe('范围 on parameters (the construct)', () => {
  const base = '抽象 政策 省 生效 2020-01-01\n参数 系数: 比率 必填 范围 80%..120% 依据 "第27条"\n规则 r: 比率 依据 "x" = 系数\n';

  it('an override cannot restate the range (XC069)', () => {
    const child = '政策 市 继承 省 生效 2021-01-01\n覆盖 参数 系数 = 100% 范围 50%..150%\n';
    const r = compileFolders({ 'c.xize': child }, { 省: { 'p.xize': base } });
    expectDiag(r, 'XC069', 'c.xize', child, '范围 50%');
  });

  it('an empty range and a non-numeric type are XC069; English spelling `range` works', () => {
    const text = '政策 甲 生效 2020-01-01\n参数 a: 比率 = 1 范围 2..1 依据 "x"\n参数 b: 布尔 = 真 range 真..假\nparam c: number = 5 range 1..10\n';
    const r = compileFolders({ 't.xize': text });
    expect(codes(errorsOf(r)).filter((c) => c === 'XC069')).toHaveLength(2);
    expectDiag(r, 'XC069', 't.xize', text, '范围 2..1');
    expectDiag(r, 'XC069', 't.xize', text, 'range 真');
  });

  it('a value inside the range compiles; a per-case override outside is XR040, inside is used', () => {
    const child = '政策 市 继承 省 生效 2021-01-01\n覆盖 参数 系数 = 100%\n';
    const r = compileFolders({ 'c.xize': child }, { 省: { 'p.xize': base } });
    expect(errorsOf(r)).toEqual([]);
    const p = loadPolicy(r.ir!);
    const bad = p.evaluate({}, { asOf: '2024-01-01', parameters: { 系数: '120.5%' } });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => e.code)).toContain('XR040');
    const dated = p.evaluate({}, { asOf: '2024-01-01', parameters: { 系数: { '2021-01-01': '90%', '2023-01-01': '130%' } } });
    expect(dated.errors.map((e) => e.code)).toContain('XR040');
    const ok = p.evaluate({}, { asOf: '2024-01-01', parameters: { 系数: '80%' } });
    expect(ok.outputs['r']?.value).toBe('0.8');
  });
});
