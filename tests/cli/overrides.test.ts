// `xize check --overrides`: per layer (national → province → city) what each overrides (old and
// new value, date, policy, citation), adds and inherits; text and --json. Spawned as a process.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir, xize } from '../support/scratch.ts';

const TMP = scratchDir('overrides');
const write = (dir: string, text: string) => {
  mkdirSync(join(TMP, dir), { recursive: true });
  writeFileSync(join(TMP, dir, 'policy.xize'), text);
};
write('n', `抽象 政策 国 标题 "国" 生效 2010-01-01 舍入 四舍五入 到 分
枚举 等级 { 甲, 乙, 丙 }
输入 { 月工资: 金额  等级: 等级  旧伤?: 布尔 }
参数 平均工资: 金额 必填 依据 "国一"
参数 比例: 比率 = 60% 依据 "国二"
表 月数: 等级 -> 整数 依据 "国三" { 甲: 20, 乙: 10, 丙: 5 }
规则 本人工资: 金额 依据 "国四" = 最大(月工资, 平均工资 × 比例)
规则 补助金: 金额 依据 "国五" = 本人工资 × 月数[等级]
`);
write('p', `抽象 政策 省 标题 "省" 继承 国 生效 2018-01-01 舍入 四舍五入 到 分
覆盖 表 月数 { 乙: 12 }
覆盖 规则 本人工资: 金额 依据 "省二" = 月工资
例外 补助金 当 旧伤 则 0元 依据 "省三"
参数 省比例: 比率 = 10% 依据 "省四"
`);
write('c', `政策 市 标题 "市" 继承 省 生效 2020-01-01 舍入 四舍五入 到 分
覆盖 参数 平均工资 { 自 2020-01-01: 6000元 依据 "市一" }
覆盖 表 月数 { 自 2022-01-01 { 乙: 14, 丙: 6 } }
`);
const CITY = join(TMP, 'c');

describe('xize check --overrides', () => {
  it('--json: each layer with its overrides (old → new), adds and inherits', () => {
    const r = xize('check', CITY, '--overrides', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.diagnostics).toEqual([]);
    expect(j.overrides.chain).toEqual(['国', '省', '市']);
    const [n, p, c] = j.overrides.layers;
    expect(n.policy).toBe('国');
    expect(n.overrides).toEqual([]);
    expect(n.counts.adds).toEqual({ enum: 1, input: 3, param: 2, table: 1, rule: 2 });
    expect(n.inherits).toEqual([]);

    // 省: 月数[乙] 10 → 12 from its 生效 date (an undated table override), 本人工资 replaced, one exception
    expect(p.overrides).toEqual([
      { kind: 'table', name: '月数', key: '乙', old: { value: '10', from: null, policy: '国', cite: '国三' }, new: { value: '12', from: '2018-01-01', policy: '省' } },
      { kind: 'rule', name: '本人工资', old: { value: '最大(月工资, 平均工资 × 比例)', from: null, policy: '国', cite: '国四' }, new: { value: '月工资', from: null, policy: '省', cite: '省二' } },
      { kind: 'exception', name: '补助金', old: null, new: { value: '当 旧伤 则 0元', from: null, policy: '省', cite: '省三' } },
    ]);
    expect(p.adds).toEqual([{ kind: 'param', name: '省比例', cite: '省四' }]);
    // inherits everything of 国 except the two it overrides (月数, 本人工资): 1 enum, 3 inputs, 2 params, 1 rule
    expect(p.counts.inherits).toEqual({ enum: 1, input: 3, param: 2, rule: 1 });

    // 市: 平均工资 unset → 6000 from 2020-01-01; 月数[乙] 12 (省) → 14, 月数[丙] 5 (国) → 6 from 2022-01-01
    expect(c.overrides).toEqual([
      { kind: 'param', name: '平均工资', old: null, new: { value: '6000元', from: '2020-01-01', policy: '市', cite: '市一' } },
      { kind: 'table', name: '月数', key: '乙', old: { value: '12', from: '2018-01-01', policy: '省' }, new: { value: '14', from: '2022-01-01', policy: '市' } },
      { kind: 'table', name: '月数', key: '丙', old: { value: '5', from: null, policy: '国', cite: '国三' }, new: { value: '6', from: '2022-01-01', policy: '市' } },
    ]);
    expect(c.adds).toEqual([]);
    const inherited = Object.fromEntries(c.inherits.filter((d: { kind: string }) => d.kind === 'rule' || d.kind === 'param').map((d: { name: string; policy: string }) => [d.name, d.policy]));
    // the layer in force for each inherited declaration: 本人工资 from 省 (its override), 补助金 from 国
    expect(inherited).toEqual({ 比例: '国', 省比例: '省', 本人工资: '省', 补助金: '国' });
  });

  it('text: overrides with was/now lines, adds and inherits counted; --verbose lists names', () => {
    const r = xize('check', CITY, '--overrides');
    expect(r.code).toBe(0);
    expect(r.out).toContain('覆盖关系 / layers of 市：国 → 省 → 市');
    expect(r.out).toMatch(/层 \/ layer 省\n {2}覆盖 \/ overrides：3\n {4}表 月数\[乙\]\n {6}原 \/ was {2}10 {2}不限日期 \/ undated · 国 〔国三〕\n {6}现 \/ now {2}12 {2}自 2018-01-01 · 省\n/);
    expect(r.out).toContain('原 / was  （未赋值 / unset）');
    expect(r.out).toContain('原 / was  （新增例外 / a new exception）');
    expect(r.out).toContain('新增 / adds：1（参数 1）');
    expect(r.out).not.toContain('规则 rule：');
    const v = xize('check', CITY, '--overrides', '--verbose');
    expect(v.out).toContain('参数 param：省比例');
    expect(v.out).toContain('规则 rule：本人工资（省）、补助金（国）');
  });

  it('--verbose without --overrides is a usage error; a policy with errors prints diagnostics, no report', () => {
    expect(xize('check', CITY, '--verbose').code).toBe(2);
    write('bad', `政策 坏 标题 "坏" 继承 国 生效 2020-01-01 舍入 四舍五入 到 分\n覆盖 参数 没有: 金额 = 1元\n`);
    const r = xize('check', join(TMP, 'bad'), '--overrides', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.diagnostics.length).toBeGreaterThan(0);
    expect(j.overrides).toBeUndefined();
  });
});
