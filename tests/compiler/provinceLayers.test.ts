// What each province layer overrides, adds and inherits (`xize check --overrides`), pinned for
// 山东 and 河南: a layer overrides only what its document changes, every override cites the
// provincial article, and what the document does not give stays the national declaration.
// Also for every province and city layer: no override without a citation.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolicyFolder, siblingResolver } from '../../cli/io.ts';
import { compilePolicy } from '../../compiler/index.ts';
import { overridesReport, type LayerReport } from '../../compiler/overrides.ts';

function layers(dir: string): LayerReport[] {
  const abs = resolve(dir);
  const result = compilePolicy({ files: readPolicyFolder(abs), resolve: siblingResolver(abs) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return overridesReport(result.ir!).layers;
}

const names = (xs: { kind: string; name: string }[]) => xs.map((x) => `${x.kind} ${x.name}`).sort();

describe('山东 layer', () => {
  const [national, shandong] = layers('provinces/shandong');

  it('extends 全国 and overrides only the medical subsidy amount, citing 第二十五条', () => {
    expect(national!.policy).toBe('全国');
    expect(shandong!.policy).toBe('山东');
    expect(names(shandong!.overrides)).toEqual(['rule 一次性工伤医疗补助金标准']);
    const o = shandong!.overrides[0]!;
    expect(o.old?.policy).toBe('全国');
    expect(o.new.policy).toBe('山东');
    expect(o.new.cite).toContain('山东省贯彻《工伤保险条例》实施办法第二十五条');
  });

  it('adds the months table, the occupational-disease uplift and its inputs', () => {
    expect(names(shandong!.adds)).toEqual([
      'input 劳动关系终止日期',
      'input 终止时已退休',
      'input 职业病',
      'input 达到法定退休年龄日期',
      'param 职业病一次性工伤医疗补助金加发比例',
      'rule 山东一次性工伤医疗补助金系数',
      'rule 山东补助金计发基数',
      'rule 终止时已达法定退休年龄或已退休',
      'table 山东一次性工伤医疗补助金月数',
    ].sort());
    for (const d of shandong!.adds.filter((d) => d.kind !== 'input')) expect(d.cite, d.name).toContain('第二十五条');
  });

  it('inherits the employment subsidy and its per-grade 必填 amounts from 全国 (not found for 山东)', () => {
    const inherited = new Map(shandong!.inherits.map((d) => [`${d.kind} ${d.name}`, d.policy]));
    expect(inherited.get('rule 一次性伤残就业补助金标准')).toBe('全国');
    expect(inherited.get('param 七级一次性伤残就业补助金')).toBe('全国');
    expect(inherited.get('rule 享受一次性工伤医疗补助金')).toBe('全国');
  });
});

describe('河南 layer', () => {
  const [, henan] = layers('provinces/henan');

  it('overrides both subsidy amounts, each citation marked [W]', () => {
    expect(names(henan!.overrides)).toEqual(['rule 一次性伤残就业补助金标准', 'rule 一次性工伤医疗补助金标准']);
    for (const o of henan!.overrides) expect(o.new.cite, o.name).toContain('[W]');
  });

  it('every figure it adds carries the [W] mark in its citation', () => {
    const cited = henan!.adds.filter((d) => d.kind === 'param' || d.kind === 'table' || d.kind === 'rule' || d.kind === 'check');
    expect(cited.length).toBeGreaterThan(8);
    for (const d of cited) expect(d.cite, d.name).toContain('[W]');
  });

  it('keeps the national eligibility', () => {
    const inherited = new Map(henan!.inherits.map((d) => [`${d.kind} ${d.name}`, d.policy]));
    expect(inherited.get('rule 享受一次性工伤医疗补助金')).toBe('全国');
    expect(inherited.get('rule 享受一次性伤残就业补助金')).toBe('全国');
  });
});

describe('every province and city layer', () => {
  for (const dir of ['zhejiang', 'guangdong', 'shenzhen', 'jiangsu', 'jiangsu/sample-city', 'shandong', 'henan']) {
    it(`${dir}: no override without a citation`, () => {
      const all = layers(`provinces/${dir}`);
      for (const layer of all.slice(1)) {
        for (const o of layer.overrides) expect(o.new.cite ?? '', `${layer.policy} ${o.kind} ${o.name}`).not.toBe('');
      }
    });
  }
});
