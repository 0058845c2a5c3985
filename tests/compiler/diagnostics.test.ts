// Every XC code, triggered from source text: code, position, both languages.
import { describe, expect, it } from 'vitest';
import { codes, compileBody, compileFolders, expectDiag, HEADER, posOf } from './helpers.ts';

const ENUMS = `
枚举 伤残等级 { 一级, 二级, 三级, 四级, 五级 }
枚举 关系 { 配偶, 子女, 父母 }
枚举 亲等 { 一级, 二级 }
记录 亲属 { 关系: 关系, 出生日期: 日期 }
输入 {
  月缴费工资: 金额
  等级?: 伤残等级
  亲属们: 列表[亲属]
  受伤日期: 日期
}
规则 本人工资: 金额 依据 "r" = 月缴费工资
`;

function body(src: string) {
  return compileBody(ENUMS + src);
}

describe('names and headers', () => {
  it('XC001 unknown name with a did-you-mean hint', () => {
    const r = body('规则 a: 金额 依据 "r" = 本人工资x × 60%\n');
    const d = expectDiag(r, 'XC001', 't.xize', r.text, '本人工资x');
    expect(d.hint?.zh).toContain('本人工资');
    expect(d.hint?.en).toContain('did you mean');
    expect(codes(r.diagnostics)).toEqual(['XC001']); // no cascade from the unknown operand
  });

  it('XC001 hints at a missing space after a keyword', () => {
    const r = body('规则 a: 布尔 依据 "r" = 当等级 <= 四级 则 真 否则 假\n');
    const d = expectDiag(r, 'XC001', 't.xize', r.text, '当等级');
    expect(d.hint?.zh).toContain('关键字与名称之间需要空格');
    expect(d.hint?.zh).toContain('当 等级');
  });

  it('XC001 unknown type, field and enum member', () => {
    const r = body('输入 { x: 钱 }\n规则 a: 日期 依据 "r" = 求和(亲属们, p => 1) + 0 \n规则 b: 关系 依据 "r" = 关系.兄弟\n规则 c: 日期 依据 "r" = 最大(受伤日期, 日期(2020, 1, 1))\n');
    expectDiag(r, 'XC001', 't.xize', r.text, '钱');
    expectDiag(r, 'XC001', 't.xize', r.text, '兄弟');
  });

  it('XC002 duplicate declaration across files, with the earlier one related', () => {
    const a = HEADER + ENUMS;
    const b = '\n规则 本人工资: 金额 依据 "r" = 1元\n';
    const r = compileFolders({ 'p/a.xize': a, 'p/b.xize': b });
    const d = expectDiag(r, 'XC002', 'p/b.xize', b, '本人工资');
    expect(d.related?.[0].span.file).toBe('p/a.xize');
  });

  it('XC003 missing header', () => {
    const text = '参数 x: 金额 = 1元\n';
    const r = compileFolders({ 'p/a.xize': text });
    expectDiag(r, 'XC003', 'p/a.xize', text, '参数');
    expect(r.ir).toBeUndefined();
  });

  it('XC004 several headers', () => {
    const b = '政策 另一个 生效 2020-01-01\n';
    const r = compileFolders({ 'p/a.xize': HEADER, 'p/b.xize': b });
    expectDiag(r, 'XC004', 'p/b.xize', b, '另一个');
  });

  it('XC005 parent not found', () => {
    const text = '政策 浙江 继承 不存在 生效 2020-01-01\n';
    const r = compileFolders({ 'zj/p.xize': text });
    expectDiag(r, 'XC005', 'zj/p.xize', text, '不存在');
  });

  it('XC006 extends cycle', () => {
    const a = '政策 甲 继承 乙 生效 2020-01-01\n';
    const b = '政策 乙 继承 甲 生效 2020-01-01\n';
    const r = compileFolders({ 'a/p.xize': a }, { 乙: { 'b/p.xize': b }, 甲: { 'a/p.xize': a } });
    const d = expectDiag(r, 'XC006', 'b/p.xize', b, '甲');
    expect(d.message.zh).toContain('甲 → 乙 → 甲');
  });
});

describe('overrides', () => {
  const base = { 'n/p.xize': '抽象 政策 全国 生效 2011-01-01\n参数 最低工资: 金额 必填 依据 "x"\n枚举 性别 { 男, 女 }\n规则 r: 金额 依据 "r" = 最低工资\n' };
  const child = (src: string) => {
    const text = '政策 省 继承 全国 生效 2018-01-01\n' + src;
    return { r: compileFolders({ 's/p.xize': text }, { 全国: base }), text };
  };

  it('XC010 override targets nothing', () => {
    const { r, text } = child('覆盖 参数 最高工资 = 1元\n');
    expectDiag(r, 'XC010', 's/p.xize', text, '最高工资');
  });
  it('XC010 override of the wrong kind', () => {
    const { r, text } = child('覆盖 规则 最低工资 = 1元\n覆盖 参数 最低工资 = 1元\n');
    const d = expectDiag(r, 'XC010', 's/p.xize', text, '最低工资');
    expect(d.hint?.zh).toContain('覆盖 参数');
  });
  it('XC011 plain declaration redeclares an inherited name', () => {
    const { r, text } = child('参数 最低工资: 金额 = 1元\n');
    const d = expectDiag(r, 'XC011', 's/p.xize', text, '最低工资');
    expect(d.hint?.zh).toContain('覆盖 参数 最低工资');
  });
  it('XC012 override changes the type', () => {
    const { r, text } = child('覆盖 参数 最低工资: 比率 = 1%\n');
    expectDiag(r, 'XC012', 's/p.xize', text, '比率');
  });
  it('errors in a parent are reported once, in the parent file', () => {
    const parent = { 'n/p.xize': '抽象 政策 全国 生效 2011-01-01\n规则 r: 金额 依据 "r" = 真\n' };
    const text = '政策 省 继承 全国 生效 2018-01-01\n';
    const r = compileFolders({ 's/p.xize': text }, { 全国: parent });
    expect(r.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.start.line}`)).toEqual(['XC020 n/p.xize:2']);
    expect([...r.sources.keys()].sort()).toEqual(['n/p.xize', 's/p.xize']);
  });
  it('XC013 a child redeclares an enum', () => {
    const { r, text } = child('覆盖 参数 最低工资 = 1元\n枚举 性别 { 男, 女, 其他 }\n');
    expectDiag(r, 'XC013', 's/p.xize', text, '性别');
  });
});

describe('types and units', () => {
  it('XC020 type mismatch', () => {
    const r = body('规则 a: 金额 依据 "r" = 真\n');
    expectDiag(r, 'XC020', 't.xize', r.text, '真');
  });
  it('XC020 number where money is expected hints at the unit', () => {
    const r = body('规则 a: 布尔 依据 "r" = 本人工资 > 0\n');
    const d = expectDiag(r, 'XC020', 't.xize', r.text, '0\n');
    expect(d.hint?.zh).toContain('0元');
  });
  it('XC021 unit error: money + rate, money × money, date + money', () => {
    const r = body('规则 a: 金额 依据 "r" = 本人工资 + 5%\n规则 b: 金额 依据 "r" = 本人工资 × 本人工资\n规则 c: 日期 依据 "r" = 受伤日期 + 1元\n');
    expectDiag(r, 'XC021', 't.xize', r.text, '本人工资 + 5%');
    expectDiag(r, 'XC021', 't.xize', r.text, '本人工资 × 本人工资');
    expectDiag(r, 'XC021', 't.xize', r.text, '受伤日期 + 1元');
  });
  it('XC022 wrong arguments for a builtin and a rule', () => {
    const r = body('规则 a: 金额 依据 "r" = 最大(本人工资)\n规则 f(x: 金额): 金额 依据 "r" = x\n规则 b: 金额 依据 "r" = f(1元, 2元)\n规则 c: 日期 依据 "r" = 次月(1元)\n');
    const d = expectDiag(r, 'XC022', 't.xize', r.text, '最大(本人工资)');
    expect(d.hint?.zh).toContain('最大(x, y, …)');
    expectDiag(r, 'XC022', 't.xize', r.text, 'f(1元, 2元)');
  });
  it('XC023 condition not boolean', () => {
    const r = body('规则 a: 金额 依据 "r" = 当 本人工资 则 1元 否则 2元\n');
    expectDiag(r, 'XC023', 't.xize', r.text, '本人工资 则');
  });
  it('XC024 branches differ in type', () => {
    const r = body('规则 a: 金额 依据 "r" = 当 真 则 1元 否则 5%\n');
    expectDiag(r, 'XC024', 't.xize', r.text, '5%');
  });
  it('XC025 a table used without a key', () => {
    const r = body('表 月数: 伤残等级 -> 整数 依据 "t" { 否则: 1 }\n规则 a: 整数 依据 "r" = 月数\n');
    expectDiag(r, 'XC025', 't.xize', r.text, '月数\n');
  });
  it('XC026 于 on a rule', () => {
    const r = body('规则 a: 金额 依据 "r" = 本人工资 于 受伤日期\n');
    expectDiag(r, 'XC026', 't.xize', r.text, '本人工资 于');
  });
  it('XC027 parameterised rule without arguments', () => {
    const r = body('规则 f(x: 金额): 金额 依据 "r" = x\n规则 a: 金额 依据 "r" = f\n');
    expectDiag(r, 'XC027', 't.xize', r.text, 'f\n', 1);
  });
  it('XC028 lambda outside an aggregate', () => {
    const r = body('规则 a: 金额 依据 "r" = 最大(x => x, 1元)\n');
    expectDiag(r, 'XC028', 't.xize', r.text, 'x => x');
  });
  it('XC029 invalid date', () => {
    const r = body('规则 a: 日期 依据 "r" = 2023-02-30\n');
    expectDiag(r, 'XC029', 't.xize', r.text, '2023-02-30');
  });
});

describe('tables', () => {
  it('XC030 lists the missing members and the period', () => {
    const r = body('表 月数: 伤残等级 -> 整数 依据 "t" {\n  自 2004-01-01 { 一级..五级: 1 }\n  自 2011-01-01 { 一级..三级: 2 }\n}\n');
    const d = expectDiag(r, 'XC030', 't.xize', r.text, '自 2011-01-01');
    expect(d.message.zh).toContain('四级、五级');
    expect(d.message.zh).toContain('2011-01-01');
    expect(d.cite).toBe('t');
  });
  it('XC031 duplicate key (also through a range)', () => {
    const r = body('表 月数: 伤残等级 -> 整数 依据 "t" { 一级..三级: 1, 三级: 2, 四级, 五级: 3 }\n');
    expectDiag(r, 'XC031', 't.xize', r.text, '三级: 2');
  });
  it('XC032 key of the wrong enum', () => {
    const r = body('表 月数: 伤残等级 -> 整数 依据 "t" { 配偶: 1, 否则: 2 }\n');
    expectDiag(r, 'XC032', 't.xize', r.text, '配偶: 1');
  });
  it('XC033 reversed range', () => {
    const r = body('表 月数: 伤残等级 -> 整数 依据 "t" { 五级..一级: 1 }\n');
    expectDiag(r, 'XC033', 't.xize', r.text, '五级..一级');
  });
  it('XC034 table key not enum or integer', () => {
    const r = body('表 月数: 金额 -> 整数 依据 "t" { 1: 1 }\n');
    expectDiag(r, 'XC034', 't.xize', r.text, '金额 ->');
  });
});

describe('bands', () => {
  const bands = (rows: string, key = '比率') => body(`分档 档: ${key} -> 比率 依据 "b" {\n${rows}\n}\n`);
  it('accepts [0,50) [50,100] (100,inf)', () => {
    const r = bands('  [0%, 50%): 80%\n  [50%, 100%]: 100%\n  (100%, 无穷): 120%');
    expect(codes(r.diagnostics)).toEqual([]);
  });
  it('XC040 overlap at a shared closed end', () => {
    const r = bands('  [0%, 50%]: 80%\n  [50%, 100%]: 100%');
    const d = expectDiag(r, 'XC040', 't.xize', r.text, '50%, 100%');
    expect(d.message.zh).toContain('[0%, 50%]');
  });
  it('XC041 gap at a point and over an interval', () => {
    const r = bands('  [0%, 50%): 80%\n  (50%, 60%]: 100%\n  (70%, 无穷): 1%');
    const d = expectDiag(r, 'XC041', 't.xize', r.text, '50%, 60%');
    expect(d.message.zh).toContain('50%');
    const d2 = expectDiag(r, 'XC041', 't.xize', r.text, '70%, 无穷');
    expect(d2.message.en).toContain('(60%, 70%]');
  });
  it('XC042 empty band', () => {
    const r = bands('  [50%, 10%): 80%');
    expectDiag(r, 'XC042', 't.xize', r.text, '50%, 10%');
  });
  it('XC040/XC042 with parameter thresholds: checked per period, from the date they cross', () => {
    const src =
      '参数 下限阈值: 比率 = 50% 依据 "x"\n' +
      '参数 上限阈值: 比率 依据 "x" { 自 2020-01-01: 100%  自 2024-01-01: 40% }\n' +
      '分档 档: 比率 -> 比率 依据 "x" {\n  [0%, 下限阈值): 80%\n  [下限阈值, 上限阈值]: 100%\n  (上限阈值, 无穷): 120%\n}\n';
    const r = body(src);
    // 2020–2023: [0,50%) [50%,100%] (100%,∞) is contiguous; from 2024 the middle band is [50%, 40%]: empty
    const d = expectDiag(r, 'XC042', 't.xize', r.text, '下限阈值, 上限阈值');
    expect(d.message.zh).toContain('[50%, 40%]');
    const o = expectDiag(r, 'XC040', 't.xize', r.text, '上限阈值, 无穷');
    expect(o.message.zh).toContain('自 2024-01-01 起');
    expect(codes(r.diagnostics).filter((c) => c.startsWith('XC04'))).toEqual(['XC042', 'XC040']);
    // thresholds left unset (an abstract baseline) cannot be compared: no diagnostic
    const abs = compileFolders({
      'a.xize': '抽象 政策 基线 生效 2011-01-01\n参数 阈值: 比率 必填 依据 "x"\n分档 档: 比率 -> 比率 依据 "x" {\n  [0%, 阈值): 80%\n  [阈值, 无穷): 100%\n}\n',
    });
    expect(abs.diagnostics).toEqual([]);
  });
  it('XC043 bands key of the wrong type', () => {
    const r = bands('  [0%, 50%): 80%', '日期');
    expectDiag(r, 'XC043', 't.xize', r.text, '日期 ->');
  });
});

describe('cycles', () => {
  it('XC050 rule cycle with its path, reported once', () => {
    const r = body('规则 a: 金额 依据 "r" = b\n规则 b: 金额 依据 "r" = c + 1元\n规则 c: 金额 依据 "r" = a\n规则 s: 金额 依据 "r" = s\n');
    const d = expectDiag(r, 'XC050', 't.xize', r.text, 'a: 金额');
    expect(d.message.zh).toContain('a → b → c → a');
    expectDiag(r, 'XC050', 't.xize', r.text, 's: 金额');
    expect(codes(r.diagnostics).filter((c) => c === 'XC050')).toHaveLength(2);
  });
  it('XC051 parameter cycle', () => {
    const r = body('参数 p: 金额 = q\n参数 q: 金额 = p × 2\n');
    const d = expectDiag(r, 'XC051', 't.xize', r.text, 'p: 金额');
    expect(d.message.en).toContain('p → q → p');
  });
});

describe('parameters', () => {
  it('XC060 required parameter unset in a non-abstract policy (none in an abstract one)', () => {
    const r = body('参数 最低工资: 金额 必填 依据 "x"\n规则 津贴: 金额 依据 "x" = 最大(本人工资, 最低工资)\n');
    const d = expectDiag(r, 'XC060', 't.xize', r.text, '测试');
    // a required parameter nothing reads need not be supplied
    expect(codes(body('参数 最低工资: 金额 必填 依据 "x"\n').diagnostics)).toEqual([]);
    expect(d.related?.[0].span.start.line).toBe(posOf(r.text, '最低工资').line);
    const abs = compileFolders({ 'a.xize': '抽象 政策 基线 生效 2011-01-01\n参数 最低工资: 金额 必填 依据 "x"\n' });
    expect(abs.diagnostics).toEqual([]);
  });
  it('XC061 parameter value not constant', () => {
    const r = body('参数 p: 金额 = 月缴费工资 × 2\n');
    expectDiag(r, 'XC061', 't.xize', r.text, '月缴费工资 × 2');
  });
  it('XC062 parameter with neither value nor 必填', () => {
    const r = body('参数 p: 金额 依据 "x"\n');
    expectDiag(r, 'XC062', 't.xize', r.text, 'p: 金额');
  });
  it('XC063 required table without rows in a non-abstract policy (none in an abstract one, none once filled)', () => {
    const r = body('表 补助金: 伤残等级 -> 金额 必填 依据 "x"\n规则 额: 金额 依据 "x" = 当 有值(等级) 则 补助金[等级] 否则 0元\n');
    const d = expectDiag(r, 'XC063', 't.xize', r.text, '测试');
    expect(d.related?.[0].span.start.line).toBe(posOf(r.text, '补助金').line);
    const abs = compileFolders({ 'a.xize': '抽象 政策 基线 生效 2011-01-01\n枚举 级 { 一, 二 }\n表 补助金: 级 -> 金额 必填 依据 "x"\n' });
    expect(abs.diagnostics).toEqual([]);
    const filled = body('表 补助金: 伤残等级 -> 金额 必填 依据 "x" { 五级: 100元, 否则: 0元 }\n');
    expect(codes(filled.diagnostics)).toEqual([]);
  });
  it('XC064 table with neither rows nor 必填', () => {
    const r = body('表 补助金: 伤残等级 -> 金额 依据 "x"\n');
    expectDiag(r, 'XC064', 't.xize', r.text, '补助金');
  });
  it('XC068 a value outside the declared 范围, at the value (none at the bounds)', () => {
    const r = body('参数 系数: 比率 = 121% 范围 80%..120% 依据 "x"\n');
    const d = expectDiag(r, 'XC068', 't.xize', r.text, '121%');
    expect(d.message.zh).toContain('80%..120%');
    expect(codes(body('参数 系数: 比率 = 120% 范围 80%..120% 依据 "x"\n参数 b: 金额 = 800元 范围 800元..1000元\n').diagnostics)).toEqual([]);
  });
  it('XC069 a 范围 that is empty, not constant, or on a non-numeric parameter', () => {
    const r = body('参数 a: 比率 = 1 范围 2..1 依据 "x"\n参数 b: 布尔 = 真 范围 真..假\n参数 c: 金额 = 1元 范围 0元..月缴费工资\n');
    expect(codes(r.diagnostics).filter((c) => c === 'XC069')).toHaveLength(3);
    expectDiag(r, 'XC069', 't.xize', r.text, '范围 2..1');
  });
  it('XC097 a 范围 on an input field that is not literal in the field\'s unit, empty, or on a non-numeric field', () => {
    const r = compileBody('输入 {\n  a: 金额 范围 -1..1\n  b: 文本 范围 1..2\n  c: 金额 范围 5元..1元\n  d: 金额 范围 -5元..5元\n}\n');
    expect(codes(r.diagnostics).filter((c) => c === 'XC097')).toHaveLength(3);
    const d = expectDiag(r, 'XC097', 't.xize', r.text, '范围 -1..1');
    expect(d.message.zh).toContain('输入字段“a”的范围');
  });
});

describe('match and enum members', () => {
  it('XC070 match not exhaustive', () => {
    const r = body('规则 f(p: 亲属): 比率 依据 "r" = 匹配 p.关系 { 配偶: 40%, 子女: 30% }\n');
    const d = expectDiag(r, 'XC070', 't.xize', r.text, '匹配');
    expect(d.message.zh).toContain('父母');
  });
  it('XC071 ambiguous member, unless the other side names the enum', () => {
    const r = body('规则 a: 布尔 依据 "r" = 一级 = 一级\n规则 b: 布尔 依据 "r" = 等级 <= 二级\n');
    const d = expectDiag(r, 'XC071', 't.xize', r.text, '一级 = 一级');
    expect(d.hint?.zh).toMatch(/伤残等级\.一级|亲等\.一级/);
    expect(codes(r.diagnostics).filter((c) => c === 'XC071')).toHaveLength(2);
  });
});

describe('citations, versions, exceptions, effective dates', () => {
  it('XC080 rule without citation is a warning', () => {
    const r = body('规则 a: 金额 = 1元\n');
    const d = expectDiag(r, 'XC080', 't.xize', r.text, 'a: 金额');
    expect(d.severity).toBe('warning');
    expect(r.ir).toBeDefined();
  });
  it('XC081 version dates not ascending / duplicate', () => {
    const r = body('参数 p: 金额 依据 "x" {\n  自 2021-01-01: 1元\n  自 2020-01-01: 2元\n  自 2020-01-01: 3元\n}\n');
    expectDiag(r, 'XC081', 't.xize', r.text, '2020-01-01: 2元');
    const d = expectDiag(r, 'XC081', 't.xize', r.text, '2020-01-01: 3元');
    expect(d.message.en).toContain('repeat');
  });
  it('XC090 exception targets an unknown rule', () => {
    const r = body('例外 本人工资x 当 真 则 0元 依据 "e"\n');
    const d = expectDiag(r, 'XC090', 't.xize', r.text, '本人工资x');
    expect(d.hint?.zh).toContain('本人工资');
  });
  it('XC092 exception value of the wrong type', () => {
    const r = body('例外 本人工资 当 真 则 5% 依据 "e"\n');
    expectDiag(r, 'XC092', 't.xize', r.text, '5%');
  });
  it('XC091 effective date before the parent', () => {
    const text = '政策 省 继承 全国 生效 2010-01-01\n';
    const r = compileFolders({ 's/p.xize': text }, { 全国: { 'n/p.xize': '抽象 政策 全国 生效 2011-01-01\n' } });
    expectDiag(r, 'XC091', 's/p.xize', text, '2010-01-01');
  });
});
