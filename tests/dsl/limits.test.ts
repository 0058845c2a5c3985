// Front-end limits (dsl/limits.ts, docs/diagnostics.md "Limits"): a file over the size limit,
// expressions nested past the parser's limit, and operator chains past the depth limit each
// give one coded, located, bilingual diagnostic — never XP999 — and the rest of the file is
// still parsed.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../compiler/index.ts';
import { MAX_ASSIST_PREFIX_TOKENS, MAX_EXPR_DEPTH, MAX_NESTING, MAX_PARSE_ERRORS_PER_DECLARATION, MAX_SOURCE_CHARS, parseFile, tokenize } from '../../dsl/index.ts';
import { expectedAfter } from '../../dsl/chunkParse.ts';
import { lex } from '../../dsl/lexer.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';

const parse = (text: string) => parseFile({ path: 'limits.xize', text });
const RULE = '规则 c: 金额 依据 "x" = ';
const NEXT = '\n规则 d: 金额 依据 "x" = 1元\n';

function only(diags: Diagnostic[], code: string): Diagnostic {
  expect(diags.map((d) => d.code)).toEqual([code]);
  const d = diags[0]!;
  expect(d.message.zh.length).toBeGreaterThan(0);
  expect(d.message.en.length).toBeGreaterThan(0);
  expect(d.hint?.zh && d.hint.en).toBeTruthy();
  return d;
}

/** 1-based line:column of `offset` in `text`. */
function pos(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
const at = (d: Diagnostic) => `${d.span.start.line}:${d.span.start.column}`;

describe('source size (XL006)', () => {
  it('a file over the limit is refused before lexing, at the first character past the limit', () => {
    const line = '// 注释 comment\n';
    const text = line.repeat(Math.ceil((MAX_SOURCE_CHARS + 10) / line.length));
    const r = parse(text);
    const d = only(r.diagnostics, 'XL006');
    expect(at(d)).toBe(pos(text, MAX_SOURCE_CHARS));
    expect(d.args).toMatchObject({ chars: String(text.length), limit: String(MAX_SOURCE_CHARS) });
    expect(r.ast.declarations).toEqual([]);
    expect(tokenize({ path: 'limits.xize', text }).diagnostics.map((x) => x.code)).toEqual(['XL006']);
  });

  it('a file at the limit is read', () => {
    const head = '规则 d: 金额 依据 "x" = 1元\n';
    const text = head + ' '.repeat(MAX_SOURCE_CHARS - head.length);
    expect(text.length).toBe(MAX_SOURCE_CHARS);
    const r = parse(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.declarations).toHaveLength(1);
  });
});

describe('nesting (XP020)', () => {
  const cases: [string, (n: number) => string, (n: number) => string][] = [
    ['parentheses', (n) => '('.repeat(n) + 'a' + ')'.repeat(n), () => '('],
    ['当 … 则 ( nests', (n) => '当 f 则 ('.repeat(n) + 'a' + ' 否则 a)'.repeat(n), () => '当 f 则 ('],
    ['当 … 则 without brackets', (n) => '当 f 则 '.repeat(n) + 'a' + ' 否则 a'.repeat(n), () => '当 f 则 '],
    ['lists', (n) => '['.repeat(n) + 'a' + ']'.repeat(n), () => '['],
    ['unary minus', (n) => '-'.repeat(n) + 'a', () => '-'],
    ['call arguments', (n) => '最大('.repeat(n) + 'a' + ', a)'.repeat(n), () => '最大('],
  ];
  for (const [label, make, unit] of cases) {
    it(`${label}: 200 levels give XP020 where the limit is crossed; the next declaration still parses`, () => {
      const text = RULE + make(200) + NEXT;
      const r = parse(text);
      const d = only(r.diagnostics, 'XP020');
      expect(d.args.limit).toBe(String(MAX_NESTING));
      // the span lies inside the nest where the limit is crossed (a `当 … 则 (` unit nests twice)
      const offset = d.span.start.offset;
      expect(offset).toBeGreaterThanOrEqual(RULE.length + (MAX_NESTING / 2 - 2) * unit(1).length);
      expect(offset).toBeLessThanOrEqual(RULE.length + (MAX_NESTING + 2) * unit(1).length);
      expect(r.ast.declarations.map((x) => (x.kind === 'rule' ? x.name.text : x.kind))).toEqual(['d']);
    });
  }

  it('list types 列表[列表[…]] 200 deep: XP020 at the crossing bracket', () => {
    const head = '输入 { a: ';
    const text = head + '列表['.repeat(200) + '金额' + ']'.repeat(200) + ' }' + NEXT;
    const r = parse(text);
    const d = only(r.diagnostics, 'XP020');
    expect(d.span.start.offset).toBeGreaterThanOrEqual(head.length + (MAX_NESTING - 1) * 3);
    expect(d.span.start.offset).toBeLessThanOrEqual(head.length + (MAX_NESTING + 1) * 3);
    expect(r.ast.declarations).toHaveLength(1);
  });

  it('nesting just within the limit parses', () => {
    const r = parse(RULE + '('.repeat(MAX_NESTING - 2) + 'a' + ')'.repeat(MAX_NESTING - 2) + NEXT);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('expression depth (XP021)', () => {
  it('a sum of 2 000 terms: XP021 once, at the operator past the limit; the rest of the chain is not read; the declaration and the file parse', () => {
    const text = RULE + Array(2000).fill('a').join(' + ') + NEXT;
    const r = parse(text);
    const d = only(r.diagnostics, 'XP021');
    expect(d.args.limit).toBe(String(MAX_EXPR_DEPTH));
    // "a + " per term: the operator after term k (from 0) is at 4k + 2; the chain is cut at the
    // operator that would make it MAX_EXPR_DEPTH + 1 deep (its MAX_EXPR_DEPTH-th)
    expect(at(d)).toBe(pos(text, RULE.length + 4 * (MAX_EXPR_DEPTH - 1) + 2));
    expect(r.ast.declarations).toHaveLength(2);
    const c = r.ast.declarations[0]!;
    expect(c.kind === 'rule' && c.name.text).toBe('c'); // kept under its name, with its type
    // what is kept is the chain up to the limit: MAX_EXPR_DEPTH terms, a tree MAX_EXPR_DEPTH deep
    let depth = 0;
    let e = c.kind === 'rule' ? (c.versions[0]!.body as { kind: string; left?: unknown }) : undefined;
    while (e && e.kind === 'binary') {
      depth++;
      e = e.left as typeof e;
    }
    expect(depth).toBe(MAX_EXPR_DEPTH - 1);
    expect(e?.kind).toBe('name');
  });

  it('the cut ends where the expression ends: a closing bracket, 否则, a comma; nothing cascades', () => {
    const chain = Array(1000).fill('1元').join(' + ');
    const text = `政策 测 生效 2020-01-01 舍入 四舍五入 到 分
输入 { 甲: 金额 }
规则 c: 金额 依据 "x" = 当 甲 > 1元 则 (${chain}) × 2 否则 最大(${chain}, 甲)
规则 d: 金额 依据 "x" = c + 1元
`;
    const r = parse(text);
    expect(r.diagnostics.map((x) => x.code)).toEqual(['XP021']); // once per declaration
    expect(r.ast.declarations.map((x) => x.kind)).toEqual(['header', 'input', 'rule', 'rule']);
    // compiled, the only diagnostic is XP021: d's reference to c is no unknown name
    const compiled = compilePolicy({ files: [{ path: 't.xize', text }] });
    expect(compiled.diagnostics.map((x) => x.code)).toEqual(['XP021']);
  });

  it(`a sum of ${MAX_EXPR_DEPTH} terms (depth ${MAX_EXPR_DEPTH}) is within the limit`, () => {
    expect(parse(RULE + Array(MAX_EXPR_DEPTH).fill('a').join(' + ') + NEXT).diagnostics).toEqual([]);
    expect(parse(RULE + Array(MAX_EXPR_DEPTH + 1).fill('a').join(' + ') + NEXT).diagnostics.map((d) => d.code)).toEqual(['XP021']);
  });
});

describe('syntax errors per declaration (XP022)', () => {
  it('60 stray `]` in one rule: the first 20 listed, one XP022 counting the other 40; the next declaration still parses', () => {
    const text = '规则 r: 金额 依据 "x" = 1元' + ' × ]'.repeat(60) + '\n规则 s: 金额 依据 "x" = 1元\n';
    const { ast, diagnostics } = parseFile({ path: 't.xize', text });
    const cut = diagnostics.filter((d) => d.code === 'XP022');
    expect(cut).toHaveLength(1);
    expect(diagnostics.filter((d) => d.code !== 'XP022')).toHaveLength(MAX_PARSE_ERRORS_PER_DECLARATION);
    expect(cut[0]!.message.en).toBe('40 more syntax errors in this declaration not shown (at most 20 are listed per declaration)');
    expect(cut[0]!.message.zh).toContain('还有 40 处语法错误未列出');
    // it stands where the 21st error would have been: after every listed one
    expect(cut[0]!.span.start.offset).toBeGreaterThan(Math.max(...diagnostics.filter((d) => d.code !== 'XP022').map((d) => d.span.start.offset)));
    expect(ast.declarations.map((d) => ('name' in d ? d.name.text : ''))).toContain('s');
  });

  it('20 errors in a declaration are all listed, without XP022', () => {
    const text = '规则 r: 金额 依据 "x" = 1元' + ' × ]'.repeat(20) + '\n';
    const { diagnostics } = parseFile({ path: 't.xize', text });
    expect(diagnostics.some((d) => d.code === 'XP022')).toBe(false);
    expect(diagnostics.length).toBe(20);
  });
});

describe('the "expected here" list (MAX_ASSIST_PREFIX_TOKENS)', () => {
  // fuzz seed 23 mutant 617 627: a 253-term `或` chain before a missing operator spent 1.2–1.7 s
  // CPU in chevrotain's content assist over the whole declaration prefix
  const prefix = (terms: number) => lex({ path: 'a.xize', text: `${RULE}(当 p 则 q 否则 ${Array(terms).fill('0').join(' 或 ')}` }).tokens;
  it('is computed for a short prefix', () => {
    const short = prefix(3);
    expect(short.length).toBeLessThanOrEqual(MAX_ASSIST_PREFIX_TOKENS);
    expect(expectedAfter(short).length).toBeGreaterThan(0);
  });
  it('is not computed past the limit, and the error is still reported at its place', () => {
    const long = prefix(150);
    expect(long.length).toBeGreaterThan(MAX_ASSIST_PREFIX_TOKENS);
    expect(expectedAfter(long)).toEqual([]);
    const text = `${RULE}(当 p 则 q 否则 0元) + (当 p 且 q 则 r 否则 ${Array(250).fill('0').join(' 或 ')} 0 0元)${NEXT}`;
    const r = parse(text);
    expect(r.diagnostics[0]!.code).toBe('XP001');
    expect(r.ast.declarations.map((d) => ('name' in d ? (d.name as { text?: string }).text : undefined))).toContain('d');
  });
});
