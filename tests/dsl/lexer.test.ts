import { describe, expect, it } from 'vitest';
import { tokenize } from '../../dsl/index.ts';
import { lex } from '../../dsl/lexer.ts';
import { ALL_WORDS, BUILTIN_FUNCTIONS, KEYWORDS, TYPE_NAMES, builtinName, primitiveTypeName } from '../../dsl/keywords.ts';

const types = (text: string) => lex({ path: 't.xize', text }).tokens.map((t) => t.tokenType.name);
const pairs = (text: string) => lex({ path: 't.xize', text }).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('keywords', () => {
  it('every spelling of every keyword lexes to its own token', () => {
    for (const k of KEYWORDS) {
      expect(types(k.zh), k.zh).toEqual([k.id]);
      expect(types(k.en), k.en).toEqual([k.id]);
    }
  });

  it('a keyword followed by name characters is one name (longer_alt)', () => {
    expect(pairs('自然人 表格 元旦 分档 分数 天数差 年龄 且慢 当前 inputs into total notice')).toEqual([
      'Identifier:自然人',
      'Identifier:表格',
      'Identifier:元旦',
      'Bands:分档',
      'Identifier:分数',
      'Identifier:天数差',
      'Identifier:年龄',
      'Identifier:且慢',
      'Identifier:当前',
      'Identifier:inputs',
      'Identifier:into',
      'Identifier:total',
      'Identifier:notice',
    ]);
  });

  it('keywords that are prefixes of other keywords', () => {
    expect(types('分 分档 in input inf workday workdays 于 属于 则 否则')).toEqual([
      'Fen', 'Bands', 'In', 'Input', 'Inf', 'Workday', 'Workdays', 'At', 'In', 'Then', 'Otherwise',
    ]);
  });

  it('keyword tokens separated by punctuation', () => {
    expect(types('表(自)')).toEqual(['Table', 'LParen', 'From', 'RParen']);
  });

  it('type names and builtins are names, with canonical lookups', () => {
    expect(types('金额 日期 列表 最小 限定 money list min')).toEqual(Array(8).fill('Identifier'));
    expect(primitiveTypeName('金额')).toBe('money');
    expect(primitiveTypeName('workdays')).toBe('workdays');
    expect(primitiveTypeName('钱')).toBeUndefined();
    expect(builtinName('限定')).toBe('clamp');
    expect(builtinName('四舍五入')).toBe('round');
    expect(builtinName('add_workdays')).toBe('add_workdays');
    expect(builtinName('constructor')).toBeUndefined();
    expect(Object.keys(BUILTIN_FUNCTIONS)).toHaveLength(28);
    expect(Object.keys(TYPE_NAMES)).toHaveLength(10);
    expect(ALL_WORDS.length).toBe(KEYWORDS.length + 11 + 28);
  });

  it('the keyword table is consistent', () => {
    const ids = KEYWORDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    const spellings = KEYWORDS.flatMap((k) => [k.zh, k.en]);
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const k of KEYWORDS) expect(k.en).toMatch(/^[a-z_]+$/);
    // contextual words that are also reserved keywords: deliberate, handled by the grammar
    const reserved = new Set(spellings);
    const clashes = ALL_WORDS.filter((w) => w.category === 'type' || w.category === 'builtin')
      .flatMap((w) => [w.zh, w.en])
      .filter((s) => reserved.has(s));
    expect(clashes.sort()).toEqual(['ceil', 'days', 'floor', 'months', 'workdays', '向上取整', '向下取整', '四舍五入'].sort());
  });

  it('Chinese and English keyword sets mix', () => {
    expect(types('rule 规则 when 当 then 则 otherwise 否则')).toEqual([
      'Rule', 'Rule', 'When', 'When', 'Then', 'Then', 'Otherwise', 'Otherwise',
    ]);
  });
});

describe('literals and punctuation', () => {
  it('numbers, dates, percent, per mille, money, durations', () => {
    expect(pairs('2024-01-01 123 123.45 60% 0.5‰ 1500元 1500 yuan 5个工作日 3天 2个月 1年 10 days')).toEqual([
      'DateLiteral:2024-01-01',
      'NumberLiteral:123',
      'NumberLiteral:123.45',
      'NumberLiteral:60',
      'Percent:%',
      'NumberLiteral:0.5',
      'PerMille:‰',
      'NumberLiteral:1500',
      'Yuan:元',
      'NumberLiteral:1500',
      'Yuan:yuan',
      'NumberLiteral:5',
      'Workdays:个工作日',
      'NumberLiteral:3',
      'Days:天',
      'NumberLiteral:2',
      'Months:个月',
      'NumberLiteral:1',
      'Years:年',
      'NumberLiteral:10',
      'Days:days',
    ]);
  });

  it('a range of integers is not a decimal', () => {
    expect(types('1..4')).toEqual(['NumberLiteral', 'DotDot', 'NumberLiteral']);
  });

  it('full-width punctuation is accepted', () => {
    expect(types('：，（）；？、')).toEqual(['Colon', 'Comma', 'LParen', 'RParen', 'Semicolon', 'Question', 'Comma']);
  });

  it('operators in both forms', () => {
    expect(types('× * ÷ / ≠ != ≤ <= ≥ >= => -> → .. . + - = < >')).toEqual([
      'Times', 'Times', 'Divide', 'Divide', 'NotEq', 'NotEq', 'LessEq', 'LessEq', 'GreaterEq', 'GreaterEq',
      'FatArrow', 'Arrow', 'Arrow', 'DotDot', 'Dot', 'Plus', 'Minus', 'Equals', 'Less', 'Greater',
    ]);
  });

  it('strings in ASCII and full-width quotes', () => {
    expect(pairs('"a\\"b" “中文，引号”')).toEqual(['AsciiString:"a\\"b"', 'FullWidthString:“中文，引号”']);
  });

  it('comments are skipped but kept in a group', () => {
    const r = lex({ path: 't.xize', text: '规则 // line\n/* block\n comment */ 则' });
    expect(r.tokens.map((t) => t.tokenType.name)).toEqual(['Rule', 'Then']);
    expect(r.comments.map((t) => t.image)).toEqual(['// line', '/* block\n comment */']);
    expect(r.tokens[1]!.startLine).toBe(3);
  });
});

describe('lexer diagnostics', () => {
  it('unexpected characters are XL001 with position', () => {
    const r = lex({ path: 'f.xize', text: '规则 a\n  $ b' });
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('XL001');
    expect(d.span).toEqual({
      file: 'f.xize',
      start: { offset: 7, line: 2, column: 3 },
      end: { offset: 8, line: 2, column: 4 },
    });
    expect(d.message.zh).toContain('$');
    expect(d.message.en).toContain('$');
    expect(d.hint).toBeDefined();
  });

  it('unterminated string (XL002) and block comment (XL003)', () => {
    expect(lex({ path: 'f', text: '说明 "abc\n规则' }).diagnostics.map((d) => d.code)).toEqual(['XL002']);
    expect(lex({ path: 'f', text: '规则 /* never closed' }).diagnostics.map((d) => d.code)).toEqual(['XL003']);
  });

  it('tokenize classifies tokens for editors', () => {
    const r = tokenize({ path: 'f', text: '规则 a: 金额 = 最大(1元, 2) // c' });
    expect(r.tokens.map((t) => t.class)).toEqual([
      'declaration', 'identifier', 'punctuation', 'identifier', 'operator', 'identifier', 'punctuation',
      'number', 'unit', 'punctuation', 'number', 'punctuation', 'comment',
    ]);
    expect(r.tokens[1]!.span.start).toEqual({ offset: 3, line: 1, column: 4 });
  });
});
