import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../dsl/keywords.ts';
import { parseFile } from '../../dsl/index.ts';

const parse = (text: string) => parseFile({ path: 'bad.xize', text });
const where = (text: string) => parse(text).diagnostics.map((d) => `${d.code}@${d.span.start.line}:${d.span.start.column}`);

describe('error recovery', () => {
  it('three separate syntax errors give three diagnostics with line:column', () => {
    const text = [
      '政策 浙江 标题 "浙江" 生效 2018-01-01',
      '规则 本人工资: 金额 依据 = 月缴费工资', // 2: 依据 without a string
      '规则 伤残津贴: 金额 = 当 等级 <= 四级 则 1元', // 3: 否则 missing (reported at next declaration)
      '参数 最低工资: 金额 = 2490元',
      '表 月数: 伤残等级 -> 整数 { 一级: 27, 二级 25 }', // 5: missing ':'
      '规则 ok: 金额 = 1元',
    ].join('\n');
    const r = parse(text);
    expect(where(text)).toEqual(['XP001@2:16', 'XP001@4:1', 'XP001@5:31']);
    // every declaration is still in the AST
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(['header', 'rule', 'rule', 'param', 'table', 'rule']);
    const [d1, d2, d3] = r.diagnostics;
    expect(d1!.message.zh).toBe('期望 字符串，却遇到 “=”');
    expect(d1!.message.en).toBe('expected a string but found `=`');
    expect(d2!.message.zh).toBe('期望 “否则”，却遇到 “参数”');
    expect(d2!.message.en).toBe('expected `otherwise` but found `参数`');
    expect(d3!.message.en).toBe('expected `:` but found `25`');
    for (const d of r.diagnostics) {
      expect(d.severity).toBe('error');
      expect(d.hint?.zh).toBeTruthy();
      expect(d.hint?.en).toBeTruthy();
      expect(d.span.file).toBe('bad.xize');
    }
  });

  it('alternatives are listed readably in both languages', () => {
    const d = parse('规则 a: 金额 舍入 四舍五入 到 毛').diagnostics[0]!;
    expect(d.code).toBe('XP002');
    expect(d.message.zh).toBe('这里不能出现 “毛”；期望 “分”、“角” 或 “元”');
    expect(d.message.en).toBe('unexpected `毛`; expected `fen`, `jiao` or `yuan`');
  });

  it('a missing expression is summarised as “an expression”', () => {
    const d = parse('规则 a: 金额 = ').diagnostics[0]!;
    expect(d.code).toBe('XP003');
    expect(d.message.zh).toBe('文件意外结束；期望 表达式');
    expect(d.message.en).toBe('unexpected end of file; expected an expression');
    expect(d.span.start).toEqual({ offset: 10, line: 1, column: 11 });
  });

  it('junk before a declaration, and junk after a complete one', () => {
    expect(where('垃圾 规则 a: 金额 = 1元')).toEqual(['XP004@1:1']);
    expect(where('规则 a: 金额 = 1元 )\n规则 b: 金额 = 2元')).toEqual(['XP005@1:15']);
  });

  it('a declaration that ended early says what could have followed', () => {
    const d = parse('规则 c 金额 = 3').diagnostics[0]!;
    expect(d.code).toBe('XP002');
    expect(d.span.start.column).toBe(6);
    expect(d.message.zh).toContain('“:”');
    expect(d.message.en).toContain('`:`');
  });

  it('no cascade: a broken row does not misalign the rows after it', () => {
    const text = '表 来源: 项目 -> 来源 {\n  甲: 基金\n  : 单位\n  丙: 基金\n  丁: 单位\n  戊: 基金\n}\n规则 r: 金额 = 1元';
    expect(where(text)).toEqual(['XP001@3:3']);
    expect(parse(text).ast.declarations.map((d) => d.kind)).toEqual(['table', 'rule']);
  });

  it('no builder complaints about a declaration that already has a syntax error', () => {
    expect(where('检查 c 当 x > 提示 "m"')).toEqual(['XP002@1:12']);
  });

  it('hints for chained comparisons and 于', () => {
    expect(parse('规则 a: 布尔 = 1 < 2 < 3').diagnostics[0]!.hint?.en).toContain('a < b and b < c');
    expect(parse('规则 a: 数值 = x 于 y 于 z').diagnostics[0]!.hint?.zh).toContain('加括号');
  });

  it('hints at keywords glued to names', () => {
    const d = parse('规则 a: 金额 = 当伤残等级 <= 四级 则 1元 否则 0元').diagnostics[0]!;
    expect(d.hint?.zh).toContain('“当伤残等级” 被读作一个名称');
    expect(d.hint?.en).toContain('put a space after it');
  });

  it('an unterminated string is one lexer error, not a cascade', () => {
    const r = parse('规则 a: 金额 依据 "条例 = 1元\n规则 b: 金额 = 2元');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['XL002']);
    expect(r.ast.declarations).toHaveLength(2);
  });

  it('recovered declarations hold error placeholders instead of crashing', () => {
    const r = parse('规则 a: 金额 = (1 + \n规则 b: 金额 = 最大(1, \n检查 c 警告 当 提示 "m"');
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(r.ast.declarations.map((d) => d.kind)).toEqual(['rule', 'rule', 'check']);
  });

  it('errors are sorted by position', () => {
    const ds = parse('规则 a 金额 = 1\n$ 规则 b: = \n表 t { 一级 }').diagnostics;
    const offsets = ds.map((d) => d.span.start.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe('never throws', () => {
  let seed = 20240501;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pieces = [
    ...KEYWORDS.flatMap((k) => [k.zh, k.en]),
    '(', ')', '[', ']', '{', '}', ':', '：', ',', '，', ';', '"', '“', '”', '/*', '*/', '//', '\n', '\r\n', ' ', '\t',
    '1', '0.5', '2024-01-01', '2024-13-45', '%', '‰', 'x', '伤残等级', '一级', '=>', '->', '..', '.', '-', '×', '÷', '=',
    '≤', '<', '\\', '$', '@', '\u0000', '\ud800', '𠀀', '🙂', '\u200b',
  ];

  it('random token soups and random characters', () => {
    for (let i = 0; i < 800; i++) {
      const len = Math.floor(rnd() * 60);
      let s = '';
      for (let j = 0; j < len; j++) {
        s += rnd() < 0.85 ? pieces[Math.floor(rnd() * pieces.length)]! + (rnd() < 0.7 ? ' ' : '') : String.fromCharCode(Math.floor(rnd() * 0xffff));
      }
      const r = parseFile({ path: 'fuzz.xize', text: s });
      expect(r.ast.file).toBe('fuzz.xize');
      for (const d of r.diagnostics) {
        expect(d.code, JSON.stringify(s)).not.toBe('XP999');
        expect(d.span.start.offset).toBeLessThanOrEqual(d.span.end.offset);
        expect(d.span.end.offset).toBeLessThanOrEqual(s.length);
      }
    }
  });

  it('truncations of a valid policy', () => {
    const text = '政策 p 生效 2020-01-01\n规则 a(x: 整数): 金额 依据 "c" { 自 2020-01-01: 匹配 x { 1, 2: 当 x > 1 且 非 假 则 最大(1元, 2元) 否则 0元, 否则: 求和([1元], y => y) } }\n分档 b: 比率 -> 比率 { [0%, 无穷): 1 }';
    for (let i = 0; i <= text.length; i++) {
      for (const s of [text.slice(0, i), text.slice(i)]) {
        const r = parseFile({ path: 'p', text: s });
        expect(r.diagnostics.every((d) => d.code !== 'XP999')).toBe(true);
      }
    }
  });
});
