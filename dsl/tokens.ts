// Chevrotain token types. Keyword tokens are generated from dsl/keywords.ts: one token per
// keyword concept matching both spellings, each with `longer_alt: Identifier` so that a
// keyword immediately followed by name characters is read as one name (表格, 自然人, 元旦).
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, type KeywordEntry } from './keywords.ts';

// ---------- names ----------

const IDENT_RE = /[\p{L}_][\p{L}\p{N}\p{M}_]*/uy;

/** The UTF-16 units a name may start with: ASCII letters and `_`, and every unit from U+00AA
 * up (an over-approximation is safe: the hint only says where the custom pattern is worth
 * trying; testing each unit for \p{L} would cost ≈ 16 ms at start-up). Without a hint chevrotain
 * cannot see into the custom pattern and turns off its first-character index for the whole
 * lexer, trying all ≈ 150 token patterns at every position: ≈ 8 µs a token, 0.3–0.7 s for a file
 * at the size limit (MAX_SOURCE_CHARS) — most of the time of a fuzzed 20 000-term sum. */
function identifierStarts(): number[] {
  const out: number[] = [0x5f];
  for (let c = 0x41; c <= 0x5a; c++) out.push(c, c + 0x20);
  for (let c = 0xaa; c < 0x10000; c++) out.push(c);
  return out;
}

export const Identifier = createToken({
  name: 'Identifier',
  pattern: {
    exec: (text: string, offset: number) => {
      IDENT_RE.lastIndex = offset;
      return IDENT_RE.exec(text);
    },
  },
  start_chars_hint: identifierStarts(),
  line_breaks: false,
});

// ---------- keywords ----------

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Order keyword concepts so that a concept comes before every concept one of whose spellings
 * is a proper prefix of one of its spellings (分档 before 分, workdays before workday, input
 * before in). Chevrotain takes the first token whose pattern matches, then consults longer_alt
 * (Identifier) only, so this order is what makes the longest keyword win.
 */
function orderKeywords(entries: readonly KeywordEntry[]): KeywordEntry[] {
  const longer = (s: string, p: string) => s !== p && s.startsWith(p);
  const mustPrecede = (a: KeywordEntry, b: KeywordEntry) =>
    longer(a.zh, b.zh) || longer(a.zh, b.en) || longer(a.en, b.zh) || longer(a.en, b.en);
  // Kahn's algorithm, always taking the earliest remaining entry with nothing left to wait for
  // (the order of KEYWORDS otherwise): n² tests once, not n³ on every start of the compiler.
  // A cycle cannot happen (each edge goes to a strictly shorter spelling).
  const n = entries.length;
  const waitsFor = entries.map(() => 0);
  const before: number[][] = entries.map(() => []);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a !== b && mustPrecede(entries[a]!, entries[b]!)) {
        waitsFor[b]!++;
        before[a]!.push(b);
      }
    }
  }
  const done = entries.map(() => false);
  const out: KeywordEntry[] = [];
  for (let k = 0; k < n; k++) {
    let i = waitsFor.findIndex((w, j) => w === 0 && !done[j]);
    if (i < 0) i = done.indexOf(false);
    done[i] = true;
    out.push(entries[i]!);
    for (const b of before[i]!) waitsFor[b]!--;
  }
  return out;
}

export const keywordTokens: Record<string, TokenType> = {};
export const keywordEntryOf = new Map<TokenType, KeywordEntry>();
const orderedKeywordTokens: TokenType[] = [];

for (const k of orderKeywords(KEYWORDS)) {
  const alts = [k.zh, k.en].sort((a, b) => b.length - a.length).map(escapeRe);
  const tok = createToken({
    name: k.id,
    pattern: new RegExp(alts.join('|')),
    longer_alt: Identifier,
  });
  keywordTokens[k.id] = tok;
  keywordEntryOf.set(tok, k);
  orderedKeywordTokens.push(tok);
}

function kw(id: string): TokenType {
  const t = keywordTokens[id];
  if (!t) throw new Error(`internal: no keyword ${id}`);
  return t;
}

export const Policy = kw('Policy');
export const Enum = kw('Enum');
export const Record_ = kw('Record');
export const Input = kw('Input');
export const Param = kw('Param');
export const Table = kw('Table');
export const Bands = kw('Bands');
export const Rule = kw('Rule');
export const Exception = kw('Exception');
export const Override = kw('Override');
export const Check = kw('Check');
export const Calendar = kw('Calendar');
export const Abstract = kw('Abstract');
export const Title = kw('Title');
export const Extends = kw('Extends');
export const Effective = kw('Effective');
export const Rounding = kw('Rounding');
export const To = kw('To');
export const NoRounding = kw('NoRounding');
export const Required = kw('Required');
export const Range = kw('Range');
export const Cite = kw('Cite');
export const Doc = kw('Doc');
export const Warning = kw('Warning');
export const Error_ = kw('Error');
export const Message = kw('Message');
export const Holiday = kw('Holiday');
export const Workday = kw('Workday');
export const From = kw('From');
export const At = kw('At');
export const When = kw('When');
export const Then = kw('Then');
export const Otherwise = kw('Otherwise');
export const Match = kw('Match');
export const And = kw('And');
export const Or = kw('Or');
export const Not = kw('Not');
export const In = kw('In');
export const True = kw('True');
export const False = kw('False');
export const Inf = kw('Inf');
export const AsOf = kw('AsOf');
export const HalfUp = kw('HalfUp');
export const HalfEven = kw('HalfEven');
export const Floor = kw('Floor');
export const Ceil = kw('Ceil');
export const Fen = kw('Fen');
export const Jiao = kw('Jiao');
export const Yuan = kw('Yuan');
export const Days = kw('Days');
export const Months = kw('Months');
export const Workdays = kw('Workdays');
export const Years = kw('Years');

// ---------- trivia ----------

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\u3000\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n\r]*/,
  group: 'comments',
});
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: 'comments',
  line_breaks: true,
});
/** `/*` without a closing `*\/`: runs to end of file; reported as XL003. */
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
  line_breaks: true,
});

// ---------- literals ----------

export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });
export const AsciiString = createToken({
  name: 'AsciiString',
  pattern: /"(?:[^"\\\n\r]|\\.)*"/,
  categories: [StringLiteral],
});
export const FullWidthString = createToken({
  name: 'FullWidthString',
  pattern: /“[^”\n\r]*”/,
  categories: [StringLiteral],
});
/** A string without its closing quote (up to end of line); reported as XL002. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\.)*|“[^”\n\r]*/,
  categories: [StringLiteral],
});

export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/ });

// ---------- punctuation and operators ----------

export const Percent = createToken({ name: 'Percent', pattern: /%|％/ });
export const PerMille = createToken({ name: 'PerMille', pattern: /‰/ });
export const FatArrow = createToken({ name: 'FatArrow', pattern: /=>|⇒/ });
export const Arrow = createToken({ name: 'Arrow', pattern: /->|→/ });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=|≤/ });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=|≥/ });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|≠/ });
export const Less = createToken({ name: 'Less', pattern: /</ });
export const Greater = createToken({ name: 'Greater', pattern: />/ });
export const Equals = createToken({ name: 'Equals', pattern: /=|＝/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+|＋/ });
export const Minus = createToken({ name: 'Minus', pattern: /-|−|－/ });
export const Times = createToken({ name: 'Times', pattern: /\*|×/ });
export const Divide = createToken({ name: 'Divide', pattern: /\/|÷/ });
export const DotDot = createToken({ name: 'DotDot', pattern: /\.\./ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const Comma = createToken({ name: 'Comma', pattern: /,|，|、/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;|；/ });
export const Colon = createToken({ name: 'Colon', pattern: /:|：/ });
export const Question = createToken({ name: 'Question', pattern: /\?|？/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });

/** Lexer order matters: longer patterns first, keywords before Identifier. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  StringLiteral,
  AsciiString,
  FullWidthString,
  UnterminatedString,
  DateLiteral,
  NumberLiteral,
  Percent,
  PerMille,
  FatArrow,
  Arrow,
  LessEq,
  GreaterEq,
  NotEq,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Times,
  Divide,
  DotDot,
  Dot,
  Comma,
  Semicolon,
  Colon,
  Question,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  ...orderedKeywordTokens,
  Identifier,
];

/** Readable rendering of a token type for "expected …" messages: [zh, en]. */
export function tokenLabel(t: TokenType): { zh: string; en: string } {
  const k = keywordEntryOf.get(t);
  if (k) return { zh: `“${k.zh}”`, en: `\`${k.en}\`` };
  const named = LABELS[t.name];
  if (named) return named;
  return { zh: t.name, en: t.name };
}

const sym = (s: string) => ({ zh: `“${s}”`, en: `\`${s}\`` });
const LABELS: Record<string, { zh: string; en: string }> = {
  Identifier: { zh: '名称', en: 'a name' },
  StringLiteral: { zh: '字符串', en: 'a string' },
  AsciiString: { zh: '字符串', en: 'a string' },
  FullWidthString: { zh: '字符串', en: 'a string' },
  UnterminatedString: { zh: '字符串', en: 'a string' },
  DateLiteral: { zh: '日期', en: 'a date' },
  NumberLiteral: { zh: '数字', en: 'a number' },
  EOF: { zh: '文件结尾', en: 'end of file' },
  Percent: sym('%'),
  PerMille: sym('‰'),
  FatArrow: sym('=>'),
  Arrow: sym('->'),
  LessEq: sym('<='),
  GreaterEq: sym('>='),
  NotEq: sym('!='),
  Less: sym('<'),
  Greater: sym('>'),
  Equals: sym('='),
  Plus: sym('+'),
  Minus: sym('-'),
  Times: sym('×'),
  Divide: sym('÷'),
  DotDot: sym('..'),
  Dot: sym('.'),
  Comma: sym(','),
  Semicolon: sym(';'),
  Colon: sym(':'),
  Question: sym('?'),
  LParen: sym('('),
  RParen: sym(')'),
  LBracket: sym('['),
  RBracket: sym(']'),
  LBrace: sym('{'),
  RBrace: sym('}'),
};
