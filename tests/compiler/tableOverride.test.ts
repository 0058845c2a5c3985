// A partial `覆盖 表` without a date (docs/language.md "Overrides"): it takes effect from the
// overriding policy's 生效 date; before it the inherited rows hold, and the rows it does not name
// keep the parent's values at every date. Used to report a coverage gap (XC030) before the
// parent's first version.
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../compiler/index.ts';
import { codes, compileFolders, errorsOf } from './helpers.ts';

const BASE = {
  'base/policy.xize': `抽象 政策 基线 标题 "基线" 生效 2004-01-01 舍入 四舍五入 到 分
枚举 等级 { 一级, 五级, 十级 }
输入 { 伤残等级: 等级  受伤日期: 日期 }
表 月数: 等级 -> 整数 依据 "基线第三十五条" {
  自 2004-01-01 { 一级: 24, 五级: 16, 十级: 6 }
  自 2011-01-01 { 一级: 27, 五级: 18, 十级: 7 }
}
规则 现行月数: 整数 依据 "基线第三十五条" = 月数[伤残等级]
规则 受伤时月数: 整数 依据 "基线第三十五条" = 月数[伤残等级] 于 受伤日期
`,
};

const child = (override: string) => ({
  'child/policy.xize': `政策 省 标题 "省" 继承 基线 生效 2018-01-01 舍入 四舍五入 到 分\n${override}\n`,
});

function months(override: string, grade: string, injured: string, asOf = '2024-06-01') {
  const r = compileFolders(child(override), { 基线: BASE });
  expect(errorsOf(r), JSON.stringify(codes(r.diagnostics))).toEqual([]);
  const o = loadPolicy(r.ir!).evaluate({ 伤残等级: grade, 受伤日期: injured }, { asOf });
  expect(o.errors).toEqual([]);
  return { now: o.outputs['现行月数']?.value, atInjury: o.outputs['受伤时月数']?.value };
}

describe('undated partial table override', () => {
  it('checks without a coverage gap (the documented form)', () => {
    const r = compileFolders(child('覆盖 表 月数 { 五级: 20 }'), { 基线: BASE });
    expect(codes(r.diagnostics)).toEqual([]);
  });

  it('replaces the named row from the policy effective date', () => {
    // 2018-01-01 起 五级 = 20（覆盖）；受伤 2019 年，也取 20
    expect(months('覆盖 表 月数 { 五级: 20 }', '五级', '2019-03-01')).toEqual({ now: 20, atInjury: 20 });
  });

  it('keeps the inherited rows before the policy effective date', () => {
    // 受伤 2016 年（省政策生效前）：基线 2011 版 五级 = 18；2008 年：2004 版 五级 = 16
    expect(months('覆盖 表 月数 { 五级: 20 }', '五级', '2016-05-01').atInjury).toBe(18);
    expect(months('覆盖 表 月数 { 五级: 20 }', '五级', '2008-05-01').atInjury).toBe(16);
  });

  it('leaves the rows it does not name to the parent at every date', () => {
    // 十级 未覆盖：现行 2011 版 7；2008 年 2004 版 6
    expect(months('覆盖 表 月数 { 五级: 20 }', '十级', '2008-05-01')).toEqual({ now: 7, atInjury: 6 });
  });

  it('is the same as the explicit form 自 <生效日>', () => {
    const a = compileFolders(child('覆盖 表 月数 { 五级: 20 }'), { 基线: BASE }).ir!;
    const b = compileFolders(child('覆盖 表 月数 { 自 2018-01-01 { 五级: 20 } }'), { 基线: BASE }).ir!;
    const from = (ir: typeof a) => ir.tables.find((t) => t.name === '月数')!.layers.map((l) => l.versions.map((v) => v.from));
    expect(from(a)).toEqual([['2004-01-01', '2011-01-01'], ['2018-01-01']]);
    expect(from(a)).toEqual(from(b));
  });

  it('a dated version of the override still starts at its own date', () => {
    // 自 2020-01-01：受伤 2019 年仍是基线 18
    expect(months('覆盖 表 月数 { 自 2020-01-01 { 五级: 20 } }', '五级', '2019-03-01')).toEqual({ now: 20, atInjury: 18 });
  });
});

// A city over a province over the baseline, both with undated partial overrides (docs/provinces.md
// step 4): each layer's rows start at its own 生效; the rows a layer does not name fall through to
// the nearest layer that has them at that date.
describe('undated partial table overrides in a three-layer chain', () => {
  const PROVINCE = { 'province/policy.xize': `抽象 政策 省 标题 "省" 继承 基线 生效 2018-01-01 舍入 四舍五入 到 分\n覆盖 表 月数 { 五级: 20 }\n` };
  const city = `政策 市 标题 "市" 继承 省 生效 2021-01-01 舍入 四舍五入 到 分\n覆盖 表 月数 { 十级: 9 }\n`;

  function cityMonths(grade: string, injured: string) {
    const r = compileFolders({ 'city/policy.xize': city }, { 基线: BASE, 省: PROVINCE });
    expect(codes(r.diagnostics)).toEqual([]);
    const o = loadPolicy(r.ir!).evaluate({ 伤残等级: grade, 受伤日期: injured }, { asOf: '2024-06-01' });
    expect(o.errors).toEqual([]);
    return o.outputs['受伤时月数']?.value;
  }

  it('checks without a coverage gap', () => {
    expect(codes(compileFolders({ 'city/policy.xize': city }, { 基线: BASE, 省: PROVINCE }).diagnostics)).toEqual([]);
  });

  it('each layer decides its own row from its own effective date', () => {
    // 五级：省 2018 起 20；之前 基线 18（2011 版）/ 16（2004 版）
    expect(cityMonths('五级', '2022-01-01')).toBe(20);
    expect(cityMonths('五级', '2019-01-01')).toBe(20);
    expect(cityMonths('五级', '2012-01-01')).toBe(18);
    // 十级：市 2021 起 9；2019 年 基线 7（省未覆盖十级）；2008 年 基线 6
    expect(cityMonths('十级', '2022-01-01')).toBe(9);
    expect(cityMonths('十级', '2019-01-01')).toBe(7);
    expect(cityMonths('十级', '2008-01-01')).toBe(6);
    // 一级：谁都未覆盖，按日期取基线的版本：2011 版 27
    expect(cityMonths('一级', '2022-01-01')).toBe(27);
  });
});
