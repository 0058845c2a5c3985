// Chevrotain recognition exceptions → bilingual XP… diagnostics with readable expectations.
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { Span } from './ast.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import type { EncodedParseError } from './grammar/errorMessages.ts';
import { KEYWORDS } from './keywords.ts';
import { dslMessages } from './messages.ts';
import { tokenSpan } from './span.ts';
import { allTokens, tokenLabel } from './tokens.ts';
import { realToken } from './cstUtil.ts';

const byName = new Map<string, TokenType>(allTokens.map((t) => [t.name, t]));

/** Tokens that can start an expression: collapsed into “表达式 / an expression”. */
const EXPR_START = new Set([
  'NumberLiteral', 'DateLiteral', 'StringLiteral', 'Identifier', 'LParen', 'LBracket', 'Minus', 'Not',
  'When', 'Match', 'True', 'False', 'AsOf', 'Inf', 'Fen', 'Jiao', 'Yuan', 'HalfUp', 'Floor', 'Ceil',
]);
const MAX_LISTED = 6;

function label(name: string): { zh: string; en: string } {
  if (name === 'EOF') return { zh: '文件结尾', en: 'end of file' };
  const t = byName.get(name);
  return t ? tokenLabel(t) : { zh: name, en: name };
}

export function renderExpected(names: string[]): { zh: string; en: string } {
  let list = [...new Set(names)];
  const exprCount = list.filter((n) => EXPR_START.has(n)).length;
  const parts: { zh: string; en: string }[] = [];
  if (exprCount >= 4) {
    parts.push({ zh: '表达式', en: 'an expression' });
    list = list.filter((n) => !EXPR_START.has(n));
  }
  parts.push(...list.map(label));
  if (parts.length === 0) return { zh: '其他内容', en: 'something else' };
  const shown = parts.slice(0, MAX_LISTED);
  const zh = shown.map((p) => p.zh);
  const en = shown.map((p) => p.en);
  if (parts.length > MAX_LISTED) return { zh: `${zh.join('、')} 等`, en: `${en.join(', ')}, …` };
  const join = (xs: string[], sep: string, or: string) =>
    xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(sep)}${or}${xs[xs.length - 1]}`;
  return { zh: join(zh, '、', ' 或 '), en: join(en, ', ', ' or ') };
}

function renderFound(t: IToken | undefined): { zh: string; en: string } {
  if (!t) return { zh: '文件结尾', en: 'end of file' };
  const img = t.image.length > 24 ? `${t.image.slice(0, 24)}…` : t.image;
  return { zh: `“${img}”`, en: `\`${img}\`` };
}

/** Hint for a name that starts with a keyword (`当伤残等级`): keywords need a space after them. */
function glueHint(t: IToken | undefined): { hintZh: string; hintEn: string } | undefined {
  if (!t || t.tokenType.name !== 'Identifier') return undefined;
  const img = t.image;
  const k = KEYWORDS.filter(
    (k) => (img.startsWith(k.zh) && img !== k.zh) || (img.startsWith(k.en) && /^[^a-zA-Z0-9_]/.test(img.slice(k.en.length))),
  ).sort((a, b) => b.zh.length - a.zh.length)[0];
  if (!k) return undefined;
  const kwText = t.image.startsWith(k.zh) ? k.zh : k.en;
  return {
    hintZh: `“${t.image}” 被读作一个名称；如果 “${kwText}” 是关键字，请在它后面加空格`,
    hintEn: `\`${t.image}\` is read as one name; if \`${kwText}\` is meant as a keyword, put a space after it`,
  };
}

const COMPARISON = new Set(['Equals', 'NotEq', 'Less', 'LessEq', 'Greater', 'GreaterEq', 'In']);

/** Hints for operators that cannot be chained. */
function operatorHint(t: IToken | undefined): { hintZh: string; hintEn: string } | undefined {
  const name = t?.tokenType.name;
  if (name && COMPARISON.has(name)) {
    return {
      hintZh: '比较不能连写：把 a < b < c 写成 a < b 且 b < c',
      hintEn: 'comparisons do not chain: write a < b < c as a < b and b < c',
    };
  }
  if (name === 'At') {
    return {
      hintZh: '“于” 两侧各只能是一个项；日期需要计算时加括号：X 于 (d + 30天)',
      hintEn: '`at` takes a single term on each side; parenthesise a computed date: X at (d + 30 days)',
    };
  }
  return undefined;
}

export interface ErrorContext {
  file: string;
  /** The token after the chunk (the next declaration keyword), if any. */
  next?: IToken;
  /** The last real token of the chunk, for errors at the very end of the file. */
  last?: IToken;
  /** The tokens of the declaration being parsed. */
  chunk?: IToken[];
  /** What the grammar accepts after the given tokens (token type names), if computable. */
  expectedAfter?: (preceding: IToken[]) => string[];
}

const MAX_ASSIST = 10;

/** The nearest name before `found` (within a few tokens) that starts with a keyword. */
function nearestGlued(ctx: ErrorContext, found: IToken | undefined) {
  const direct = glueHint(found);
  if (direct || !ctx.chunk) return direct;
  const end = found ? ctx.chunk.indexOf(found) : ctx.chunk.length;
  for (let i = (end < 0 ? ctx.chunk.length : end) - 1, n = 0; i >= 0 && n < 8; i--, n++) {
    const h = glueHint(ctx.chunk[i]);
    if (h) return h;
  }
  return undefined;
}

export function parseErrorToDiagnostic(e: IRecognitionException, ctx: ErrorContext): Diagnostic {
  let enc: EncodedParseError;
  try {
    enc = JSON.parse(e.message) as EncodedParseError;
  } catch {
    enc = { kind: 'noViable', expected: [], rule: '' };
  }
  let found = realToken(e.token);
  if (e.token?.tokenType?.name === 'EOF') found = ctx.next;
  let span: Span;
  if (found) span = tokenSpan(ctx.file, found);
  else if (ctx.last) {
    const end = tokenSpan(ctx.file, ctx.last).end;
    span = { file: ctx.file, start: end, end };
  } else span = { file: ctx.file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

  if (enc.kind === 'notAllInput' && found && ctx.chunk && ctx.expectedAfter) {
    // The declaration could have ended here; say what else could have followed, when short.
    const idx = ctx.chunk.indexOf(found);
    const names = idx > 0 ? ctx.expectedAfter(ctx.chunk.slice(0, idx)) : [];
    if (names.length > 0 && names.length <= MAX_ASSIST) enc = { ...enc, kind: 'noViable', expected: names, rule: '(after)' };
  }
  const expected = renderExpected(enc.expected);
  const f = renderFound(found);
  const args: Record<string, string> = {
    expectedZh: expected.zh,
    expectedEn: expected.en,
    foundZh: f.zh,
    foundEn: f.en,
    rule: enc.rule,
    ...(operatorHint(found) ?? nearestGlued(ctx, found) ?? {}),
  };
  let code: string;
  if (!found) code = 'XP003';
  else if (enc.kind === 'notAllInput') code = 'XP005';
  else if (enc.kind === 'noViable' && enc.rule === 'declaration') code = 'XP004';
  else if (enc.kind === 'mismatch') code = 'XP001';
  else code = 'XP002';
  return makeDiagnostic(dslMessages, code, span, args);
}
