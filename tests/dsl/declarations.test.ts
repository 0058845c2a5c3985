import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../dsl/ast.ts';
import { parseFile } from '../../dsl/index.ts';
import { n, num, parseOk, strip } from './helpers.ts';

const ZH = `
// 全国基线（节选）
抽象 政策 全国 标题 "工伤保险全国基线" 生效 2011-01-01 舍入 四舍五入 到 分

枚举 伤残等级 { 一级, 二级, 三级, 四级, 五级, 六级, 七级, 八级, 九级, 十级 }
枚举 亲属关系 { 配偶; 子女; 父母 } 说明 "供养亲属与工亡职工的关系"

记录 供养亲属 {
  关系: 亲属关系
  出生日期: 日期
  孤寡?: 布尔        // 可选字段
}

输入 {
  月缴费工资: 金额 说明 "受伤前12个月平均月缴费工资"
  伤残等级?: 伤残等级
  供养亲属: 列表[供养亲属]
  受伤日期: 日期, 旧伤复发: 布尔
}

参数 最低工资标准: 金额 必填 依据 "条例第三十五条" 说明 "当地月最低工资标准，由省级政府公布"
参数 滞纳金日费率: 比率 = 0.05% 依据 "社会保险法第八十六条"
参数 全国城镇居民人均可支配收入: 金额 依据 "条例第三十九条" {
  自 2023-01-01: 49283元
  自 2024-01-01: 51821元 依据 "国家统计局2023年公报"
}

表 伤残补助金月数: 伤残等级 -> 整数 依据 "条例第三十五条、第三十六条、第三十七条" {
  自 2004-01-01 { 一级: 24, 二级: 22, 三级: 20, 四级: 18, 五级: 16, 六级: 14, 七级: 12, 八级: 10, 九级: 8, 十级: 6 }
  自 2011-01-01 {
    一级: 27, 二级: 25, 三级: 23, 四级: 21
    五级: 18, 六级: 16
    七级, 八级: 13
    九级..十级: 7
  } 依据 "2010年修订"
}
表 伤残津贴比例: 伤残等级 -> 比率 依据 "条例第三十五条" {
  一级: 90%, 二级: 85%, 三级: 80%, 四级: 75%, 五级: 70%, 六级: 60%, 否则: 0%
}

分档 费率浮动档次: 比率 -> 比率 依据 "人社部发〔2015〕71号" {
  [0%, 50%): 80%
  [50%, 100%]: 100%
  (100%, 无穷): 120%
}

规则 本人工资: 金额 依据 "条例第六十四条" =
  限定(月缴费工资, 统筹地区月平均工资 × 60%, 统筹地区月平均工资 × 300%)

规则 伤残津贴: 金额 依据 "条例第三十五条" =
  当 伤残等级 <= 四级 则 最大(本人工资 × 伤残津贴比例[伤残等级], 最低工资标准)
  否则 0元

规则 亲属抚恤比例(亲属: 供养亲属): 比率 依据 "条例第三十九条" =
  匹配 亲属.关系 { 配偶: 40%, 否则: 30% }

规则 费率通知期限: 工作日数 {
  自 2012-01-01: 5个工作日 依据 "规程(2012)第十四条"
  自 2022-06-16: 10个工作日 依据 "规程(2022)第十六条"
}

规则 一次性伤残补助金: 金额 舍入 向下取整 到 元 说明 "按月数计发" =
  本人工资 × 伤残补助金月数[伤残等级] 于 受伤日期
规则 日滞纳金: 金额 不舍入 = 欠缴金额 × 滞纳金日费率

例外 一次性伤残补助金 当 旧伤复发 则 0元 依据 "条例第十五条"

覆盖 参数 统筹地区月平均工资 { 自 2024-07-01: 9120元 }
覆盖 表 就业补助金月数 { 五级: 30, 六级: 25 }
覆盖 规则 本人工资: 金额 = 月缴费工资
覆盖 分档 费率浮动档次 { (-无穷, 无穷): 100% }

检查 抚恤金合计超过上限 警告 依据 "条例第三十九条"
  当 抚恤金合计_调整前 > 抚恤金上限 提示 "供养亲属抚恤金合计超过工资上限，已按比例调减"

日历 { 节假日 2027-01-01, 2027-01-02  调休工作日 2027-02-07 }
`;

const EN = `
policy zhejiang title "Zhejiang" extends national effective 2018-01-01 rounding half_up to fen
enum grade { g1, g2, g3 }
record dependant { relation: relation, born: date, orphan?: boolean }
input { wage: money doc "average monthly wage"  grade?: grade  dependants: list[dependant]  notice: workdays }
param min_wage: money required cite "Art. 35"
param late_rate: rate = 0.05% cite "Social Insurance Law Art. 86"
param avg_income: money { from 2023-01-01: 49283 yuan  from 2024-01-01: 51821 yuan }
table lump_months: grade -> integer { from 2011-01-01 { g1: 27, g2, g3: 25 } }
bands float: rate -> rate { [0%, 50%): 80%  [50%, inf]: 100% }
rule own_wage: money cite "Art. 64" = clamp(wage, avg × 60%, avg × 300%)
rule allowance: money rounding half_even to jiao =
  when grade <= g2 and not orphan then max(own_wage × 90%, min_wage) otherwise 0 yuan
rule share(d: dependant): rate = match d.relation { spouse: 40%, otherwise: 30% }
rule deadline: workdays { from 2012-01-01: 5 workdays cite "2012" }
rule lump: money no_rounding = own_wage × lump_months[grade] at as_of
exception lump when relapse then 0 yuan cite "Art. 15"
override param avg { from 2024-07-01: 9120 yuan }
override rule own_wage = wage
check cap_exceeded error when total > cap message "over the cap" doc "d"
calendar { holiday: 2027-01-01; workday 2027-02-07 }
`;

const byKind = (ds: Declaration[], kind: string) => ds.filter((d) => d.kind === kind);

describe('Chinese policy', () => {
  const ds = parseOk(ZH);

  it('has every declaration', () => {
    expect(ds.map((d) => d.kind)).toEqual([
      'header', 'enum', 'enum', 'record', 'input', 'param', 'param', 'param', 'table', 'table', 'bands',
      'rule', 'rule', 'rule', 'rule', 'rule', 'rule', 'exception', 'param', 'table', 'rule', 'bands', 'check', 'calendar',
    ]);
  });

  it('header', () => {
    expect(strip(ds[0])).toEqual({
      kind: 'header',
      name: { text: '全国' },
      abstract: true,
      title: '工伤保险全国基线',
      effective: { value: '2011-01-01' },
      rounding: { mode: 'half_up', unit: 'fen' },
    });
  });

  it('enums, records, inputs', () => {
    const [e1, e2] = byKind(ds, 'enum');
    expect(strip(e1)).toMatchObject({ name: { text: '伤残等级' } });
    expect((e1 as { members: unknown[] }).members).toHaveLength(10);
    expect(strip(e2)).toEqual({
      kind: 'enum',
      name: { text: '亲属关系' },
      members: [{ text: '配偶' }, { text: '子女' }, { text: '父母' }],
      doc: { text: '供养亲属与工亡职工的关系' },
    });
    expect(strip(byKind(ds, 'record')[0])).toEqual({
      kind: 'record',
      name: { text: '供养亲属' },
      fields: [
        { name: { text: '关系' }, optional: false, type: { kind: 'named', name: { text: '亲属关系' } } },
        { name: { text: '出生日期' }, optional: false, type: { kind: 'primitive', name: 'date' } },
        { name: { text: '孤寡' }, optional: true, type: { kind: 'primitive', name: 'boolean' } },
      ],
    });
    const input = strip(byKind(ds, 'input')[0]) as { fields: unknown[] };
    expect(input.fields).toEqual([
      { name: { text: '月缴费工资' }, optional: false, type: { kind: 'primitive', name: 'money' }, doc: { text: '受伤前12个月平均月缴费工资' } },
      { name: { text: '伤残等级' }, optional: true, type: { kind: 'named', name: { text: '伤残等级' } } },
      { name: { text: '供养亲属' }, optional: false, type: { kind: 'list', element: { kind: 'named', name: { text: '供养亲属' } } } },
      { name: { text: '受伤日期' }, optional: false, type: { kind: 'primitive', name: 'date' } },
      { name: { text: '旧伤复发' }, optional: false, type: { kind: 'primitive', name: 'boolean' } },
    ]);
  });

  it('parameters', () => {
    const [p1, p2, p3] = byKind(ds, 'param').map(strip);
    expect(p1).toEqual({
      kind: 'param', override: false, name: { text: '最低工资标准' }, type: { kind: 'primitive', name: 'money' },
      required: true, versions: [], cite: { text: '条例第三十五条' }, doc: { text: '当地月最低工资标准，由省级政府公布' },
    });
    expect(p2).toMatchObject({ required: false, versions: [{ body: { kind: 'percent', value: '0.05', perMille: false } }], cite: { text: '社会保险法第八十六条' } });
    expect((p2 as { versions: { from?: unknown }[] }).versions[0]!.from).toBeUndefined();
    expect(p3).toMatchObject({
      versions: [
        { from: { value: '2023-01-01' }, body: { kind: 'money', value: '49283' } },
        { from: { value: '2024-01-01' }, body: { kind: 'money', value: '51821' }, cite: { text: '国家统计局2023年公报' } },
      ],
    });
  });

  it('tables with dated groups, key lists, ranges and otherwise', () => {
    const [t1, t2] = byKind(ds, 'table').map(strip) as Extract<Declaration, { kind: 'table' }>[];
    expect(t1!.keyType).toEqual({ kind: 'named', name: { text: '伤残等级' } });
    expect(t1!.valueType).toEqual({ kind: 'primitive', name: 'integer' });
    expect(t1!.versions.map((v) => [v.from?.value, v.body.length, v.cite?.text])).toEqual([
      ['2004-01-01', 10, undefined],
      ['2011-01-01', 8, '2010年修订'],
    ]);
    expect(t1!.versions[1]!.body.slice(6)).toEqual([
      { keys: [{ kind: 'member', name: { text: '七级' } }, { kind: 'member', name: { text: '八级' } }], value: num('13') },
      { keys: [{ kind: 'range', from: { text: '九级' }, to: { text: '十级' } }], value: num('7') },
    ]);
    expect(t2!.versions).toHaveLength(1);
    expect(t2!.versions[0]!.from).toBeUndefined();
    expect(t2!.versions[0]!.body.at(-1)).toEqual({ keys: 'otherwise', value: { kind: 'percent', value: '0', perMille: false } });
  });

  it('bands', () => {
    const b = strip(byKind(ds, 'bands')[0]) as Extract<Declaration, { kind: 'bands' }>;
    const pct = (value: string) => ({ kind: 'percent', value, perMille: false });
    expect(b.versions[0]!.body).toEqual([
      { lower: { value: pct('0'), inclusive: true }, upper: { value: pct('50'), inclusive: false }, value: pct('80') },
      { lower: { value: pct('50'), inclusive: true }, upper: { value: pct('100'), inclusive: true }, value: pct('100') },
      { lower: { value: pct('100'), inclusive: false }, upper: { value: 'inf', inclusive: false }, value: pct('120') },
    ]);
    const o = strip(byKind(ds, 'bands')[1]) as Extract<Declaration, { kind: 'bands' }>;
    expect(o.override).toBe(true);
    expect(o.versions[0]!.body[0]).toMatchObject({ lower: { value: 'inf' }, upper: { value: 'inf' } });
  });

  it('rules', () => {
    const rules = byKind(ds, 'rule').map(strip) as Extract<Declaration, { kind: 'rule' }>[];
    expect(rules.map((r) => r.name.text)).toEqual(['本人工资', '伤残津贴', '亲属抚恤比例', '费率通知期限', '一次性伤残补助金', '日滞纳金', '本人工资']);
    expect(rules[0]!.versions[0]!.body).toMatchObject({ kind: 'call', callee: { text: '限定' } });
    expect(rules[1]!.versions[0]!.body).toMatchObject({ kind: 'when', otherwise: { kind: 'money', value: '0' } });
    expect(rules[2]!.params).toEqual([{ name: { text: '亲属' }, type: { kind: 'named', name: { text: '供养亲属' } } }]);
    expect(rules[3]!.type).toEqual({ kind: 'primitive', name: 'workdays' });
    expect(rules[3]!.versions.map((v) => [v.from?.value, v.cite?.text])).toEqual([
      ['2012-01-01', '规程(2012)第十四条'],
      ['2022-06-16', '规程(2022)第十六条'],
    ]);
    expect(rules[4]!.rounding).toEqual({ mode: 'floor', unit: 'yuan' });
    expect(rules[4]!.doc).toEqual({ text: '按月数计发' });
    expect(rules[4]!.versions[0]!.body).toMatchObject({ kind: 'binary', op: '*', right: { kind: 'at' } });
    expect(rules[5]!.rounding).toBe('none');
    expect(rules[6]).toMatchObject({ override: true, type: { kind: 'primitive', name: 'money' } });
    expect(rules[0]!.override).toBe(false);
  });

  it('exception, overrides, check, calendar', () => {
    expect(strip(byKind(ds, 'exception')[0])).toEqual({
      kind: 'exception', rule: { text: '一次性伤残补助金' }, condition: n('旧伤复发'),
      value: { kind: 'money', value: '0' }, cite: { text: '条例第十五条' },
    });
    expect(strip(ds[18])).toMatchObject({ kind: 'param', override: true, name: { text: '统筹地区月平均工资' }, versions: [{ from: { value: '2024-07-01' } }] });
    expect((ds[18] as { type?: unknown }).type).toBeUndefined();
    expect(strip(ds[19])).toMatchObject({ kind: 'table', override: true, versions: [{ body: [{}, {}] }] });
    expect(strip(byKind(ds, 'check')[0])).toEqual({
      kind: 'check', name: { text: '抚恤金合计超过上限' }, severity: 'warning',
      condition: { kind: 'binary', op: '>', left: n('抚恤金合计_调整前'), right: n('抚恤金上限') },
      message: { text: '供养亲属抚恤金合计超过工资上限，已按比例调减' }, cite: { text: '条例第三十九条' },
    });
    expect(strip(byKind(ds, 'calendar')[0])).toEqual({
      kind: 'calendar', holidays: [{ value: '2027-01-01' }, { value: '2027-01-02' }], workdays: [{ value: '2027-02-07' }],
    });
  });
});

describe('English policy', () => {
  const ds = parseOk(EN);

  it('parses every declaration', () => {
    expect(ds.map((d) => d.kind)).toEqual([
      'header', 'enum', 'record', 'input', 'param', 'param', 'param', 'table', 'bands', 'rule', 'rule', 'rule', 'rule', 'rule',
      'exception', 'param', 'rule', 'check', 'calendar',
    ]);
    expect(strip(ds[0])).toEqual({
      kind: 'header', name: { text: 'zhejiang' }, abstract: false, title: 'Zhejiang', extends: { text: 'national' },
      effective: { value: '2018-01-01' }, rounding: { mode: 'half_up', unit: 'fen' },
    });
  });

  it('English types including unit-keyword types', () => {
    const input = ds[3] as Extract<Declaration, { kind: 'input' }>;
    expect(input.fields.map((f) => strip(f.type))).toEqual([
      { kind: 'primitive', name: 'money' },
      { kind: 'named', name: { text: 'grade' } },
      { kind: 'list', element: { kind: 'named', name: { text: 'dependant' } } },
      { kind: 'primitive', name: 'workdays' },
    ]);
  });

  it('rules, exception, override, check, calendar', () => {
    const rules = byKind(ds, 'rule').map(strip) as Extract<Declaration, { kind: 'rule' }>[];
    expect(rules[1]!.rounding).toEqual({ mode: 'half_even', unit: 'jiao' });
    expect(rules[1]!.versions[0]!.body).toMatchObject({
      kind: 'when',
      branches: [{ condition: { kind: 'binary', op: 'and', right: { kind: 'unary', op: 'not' } } }],
    });
    expect(rules[3]!.versions[0]!.body).toEqual({ kind: 'duration', value: '5', unit: 'workdays' });
    expect(rules[4]!.rounding).toBe('none');
    expect(rules[4]!.versions[0]!.body).toMatchObject({ right: { kind: 'at', date: { kind: 'asOf' } } });
    expect(rules[5]).toMatchObject({ override: true, name: { text: 'own_wage' } });
    expect(rules[5]!.type).toBeUndefined();
    expect(strip(byKind(ds, 'check')[0])).toMatchObject({ severity: 'error', message: { text: 'over the cap' }, doc: { text: 'd' } });
    expect(strip(byKind(ds, 'calendar')[0])).toEqual({ kind: 'calendar', holidays: [{ value: '2027-01-01' }], workdays: [{ value: '2027-02-07' }] });
    const bands = strip(byKind(ds, 'bands')[0]) as Extract<Declaration, { kind: 'bands' }>;
    expect(bands.versions[0]!.body[1]!.upper).toEqual({ value: 'inf', inclusive: true });
  });
});

describe('layout', () => {
  it('band rows whose value is a name, without separators', () => {
    const [b] = parseOk('分档 b: 比率 -> 比率 {\n [0%, 50%): 低档\n (50%, 无穷): 高档\n}');
    expect((b as Extract<Declaration, { kind: 'bands' }>).versions[0]!.body.map((x) => strip(x.value))).toEqual([n('低档'), n('高档')]);
  });

  it('declarations on one line and clauses in any order', () => {
    const ds = parseOk('规则 a: 金额 = 1元 依据 "x" 说明 "y" 规则 b: 金额 说明 "y" 舍入 向上取整 到 角 依据 "x" = 2元');
    expect(ds.map((d) => strip(d))).toMatchObject([
      { name: { text: 'a' }, cite: { text: 'x' }, doc: { text: 'y' } },
      { name: { text: 'b' }, cite: { text: 'x' }, doc: { text: 'y' }, rounding: { mode: 'ceil', unit: 'jiao' } },
    ]);
  });

  it('Chinese enumeration comma and full-width colon in tables', () => {
    const [t] = parseOk('表 t：伤残等级 -> 整数 { 七级、八级：5，否则：0 }');
    expect(strip((t as Extract<Declaration, { kind: 'table' }>).versions[0]!.body[0]!.keys)).toEqual([
      { kind: 'member', name: { text: '七级' } },
      { kind: 'member', name: { text: '八级' } },
    ]);
  });

  it('empty file and comment-only file', () => {
    expect(parseOk('')).toEqual([]);
    expect(parseOk('// 只有注释\n/* 块 */')).toEqual([]);
  });

  it('reports semantic-free syntax oddities', () => {
    const r = parseFile({ path: 'x', text: '规则 a: 金额 依据 "1" 依据 "2" = 1 { 自 2020-01-01: 2 }\n表 t { 一级: 1 自 2020-01-01 { 二级: 2 } }\n规则 b: 金额[整数] = 2024-02-30' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XP010', 'XP010', 'XP014', 'XP018', 'XL005']);
  });
});
