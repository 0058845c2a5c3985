// Grammar-aware mutation of policy text: the real lexer (dsl/lexer.ts) splits a file into
// tokens and one mutation edits at token boundaries — delete, duplicate, swap, replace a number
// by an edge value, a name by a long / similar / reserved one, wrap an operand in deep nesting
// or a huge sum, or splice a whole declaration from another file. Edits at token level keep most
// of the text parseable, so mutants reach the checker and code generation, not only the parser.
import type { IToken } from 'chevrotain';
import type { SourceFile } from '../../dsl/ast.ts';
import { lex } from '../../dsl/lexer.ts';
import { splitDeclarations } from '../../dsl/index.ts';
import type { Rng } from './rng.ts';

export interface Lexed {
  file: SourceFile;
  tokens: IToken[];
  /** [start, end) offsets of each declaration's source text */
  decls: [number, number][];
}

/** the most characters a longName edit grows a file to by renaming every occurrence (MAX_SOURCE_CHARS is 300 000: past it the file is refused unlexed, XL006) */
const MAX_GROWN = 4_000_000;

const lexCache = new Map<string, Lexed>();

export function lexed(file: SourceFile): Lexed {
  const key = `${file.path}\u0000${file.text}`;
  let l = lexCache.get(key);
  if (!l) {
    const tokens = lex(file).tokens;
    const decls = splitDeclarations(tokens).map((c): [number, number] => [c[0]!.startOffset, c[c.length - 1]!.endOffset! + 1]);
    l = { file, tokens, decls };
    if (lexCache.size > 200) lexCache.clear();
    lexCache.set(key, l);
  }
  return l;
}

export const EDGE_NUMBERS = [
  '0', '0.0', '1', '00000', '0.000000001', '9999999999999999', '99999999999999999999999999999999999999',
  '9007199254740993', '1.7976931348623157', '4294967296', '0.5', '0.005', '0.015', '12.345678901234567890', '1' + '0'.repeat(300),
];
export const RESERVED_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'length', 'rt', 'this', 'F', 'arguments'];
/** tokens that may be inserted anywhere: keywords, punctuation, literals of every kind */
const FRAGMENTS = [
  '(', ')', '[', ']', '{', '}', ':', '=', ',', '..', '-', '+', '×', '÷', '当', '则', '否则', '匹配', '且', '或', '非', '于', '在',
  '规则', '参数', '表', '分档', '覆盖', '例外', '检查', '输入', '枚举', '记录', '金额', '比率', '整数', '日期', '列表', '真', '假',
  '"文本"', '""', '60%', '5‰', '12个月', '3天', '10个工作日', '2024-02-30', '0000-00-00', '9999-12-31', '元', '分', '无穷', '自', '求和', '计数',
];

type Mutation = (l: Lexed, r: Rng, others: Lexed[]) => string | undefined;

const at = (l: Lexed, i: number) => l.tokens[i]!;
const end = (t: IToken) => t.endOffset! + 1;
const replaceToken = (l: Lexed, t: IToken, text: string) => l.file.text.slice(0, t.startOffset) + text + l.file.text.slice(end(t));
function tokenOf(l: Lexed, r: Rng, type?: string): IToken | undefined {
  const pool = type ? l.tokens.filter((t) => t.tokenType.name === type) : l.tokens;
  return pool.length ? r.pick(pool) : undefined;
}
const identifiers = (l: Lexed) => l.tokens.filter((t) => t.tokenType.name === 'Identifier');

function similarName(name: string, r: Rng): string {
  const chars = [...name];
  const i = r.int(chars.length);
  switch (r.int(3)) {
    case 0: chars.splice(i, 1); break; // a letter dropped
    case 1: chars.splice(i, 0, chars[i] ?? '甲'); break; // a letter doubled
    default: chars[i] = r.pick(['甲', '乙', '_', 'x', '额', '率']); // a letter changed
  }
  return chars.join('') || 'x';
}

const MUTATIONS: Record<string, Mutation> = {
  deleteToken: (l, r) => {
    if (!l.tokens.length) return;
    const t = at(l, r.int(l.tokens.length));
    return replaceToken(l, t, '');
  },
  deleteRun: (l, r) => {
    if (!l.tokens.length) return;
    const i = r.int(l.tokens.length);
    const j = Math.min(l.tokens.length - 1, i + 1 + r.int(8));
    return l.file.text.slice(0, at(l, i).startOffset) + l.file.text.slice(end(at(l, j)));
  },
  duplicateToken: (l, r) => {
    if (!l.tokens.length) return;
    const t = at(l, r.int(l.tokens.length));
    return replaceToken(l, t, `${t.image} ${t.image}`);
  },
  swapTokens: (l, r) => {
    if (l.tokens.length < 2) return;
    let i = r.int(l.tokens.length);
    let j = r.chance(0.6) ? Math.min(l.tokens.length - 1, i + 1) : r.int(l.tokens.length);
    if (i === j) return;
    if (i > j) [i, j] = [j, i];
    const a = at(l, i);
    const b = at(l, j);
    const s = l.file.text;
    return s.slice(0, a.startOffset) + b.image + s.slice(end(a), b.startOffset) + a.image + s.slice(end(b));
  },
  insertFragment: (l, r) => {
    if (!l.tokens.length) return;
    const t = at(l, r.int(l.tokens.length));
    return l.file.text.slice(0, t.startOffset) + r.pick(FRAGMENTS) + ' ' + l.file.text.slice(t.startOffset);
  },
  copyToken: (l, r) => {
    // a token from elsewhere in the file in place of another: keywords meet wrong contexts
    const src = tokenOf(l, r);
    const dst = tokenOf(l, r);
    if (!src || !dst) return;
    return replaceToken(l, dst, src.image);
  },
  edgeNumber: (l, r) => {
    const t = tokenOf(l, r, 'NumberLiteral');
    if (!t) return;
    return replaceToken(l, t, r.pick(EDGE_NUMBERS));
  },
  negateNumber: (l, r) => {
    const t = tokenOf(l, r, 'NumberLiteral');
    if (!t) return;
    return replaceToken(l, t, `-${t.image}`);
  },
  edgeDate: (l, r) => {
    const t = tokenOf(l, r, 'DateLiteral');
    if (!t) return;
    return replaceToken(l, t, r.pick(['0000-01-01', '9999-12-31', '2024-02-29', '2023-02-29', '2024-13-01', '2024-00-10', '1900-03-01', '2100-02-29']));
  },
  longName: (l, r) => {
    const ids = identifiers(l);
    if (!ids.length) return;
    const t = r.pick(ids);
    const name = t.image.repeat(1 + r.int(r.chance(0.1) ? 3000 : 40));
    // every occurrence, so declaration and uses still agree and the checker gets further; but a
    // text already grown by an earlier edit (a 20 000-term sum of that name) times a 3 000-fold
    // name passes V8's string limit (seed 23, mutant 822 606 crashed the worker with RangeError:
    // Invalid string length), so past MAX_GROWN characters only the first occurrence is renamed
    const parts = l.file.text.split(t.image);
    if (l.file.text.length + (parts.length - 1) * (name.length - t.image.length) > MAX_GROWN) return replaceToken(l, t, name);
    return parts.join(name);
  },
  similarName: (l, r) => {
    const ids = identifiers(l);
    if (!ids.length) return;
    return replaceToken(l, r.pick(ids), similarName(r.pick(ids).image, r));
  },
  reservedName: (l, r) => {
    const ids = identifiers(l);
    if (!ids.length) return;
    const t = r.pick(ids);
    const name = r.pick(RESERVED_NAMES);
    return r.chance(0.5) ? replaceToken(l, t, name) : l.file.text.split(t.image).join(name);
  },
  deepNesting: (l, r) => {
    const t = tokenOf(l, r, r.chance(0.5) ? 'NumberLiteral' : 'Identifier');
    if (!t) return;
    const n = r.pick([10, 63, 64, 65, 200, 1000, 5000]);
    const [open, close] = r.pick([['(', ')'], ['[', ']'], ['-', ''], ['非 ', ''], ['当 真 则 ', ' 否则 0'], ['最大(', ', 0)']]);
    return replaceToken(l, t, open!.repeat(n) + t.image + close!.repeat(n));
  },
  hugeSum: (l, r) => {
    const t = tokenOf(l, r, r.chance(0.5) ? 'NumberLiteral' : 'Identifier');
    if (!t) return;
    const n = r.pick([100, 255, 256, 257, 2000, 20000]);
    const op = r.pick([' + ', ' × ', ' - ', ' 且 ', ' 或 ']);
    return replaceToken(l, t, Array(n).fill(t.image).join(op));
  },
  spliceDeclaration: (l, r, others) => {
    // a declaration of another file (or this one) inserted before one of this file's
    const donor = r.pick([l, ...others]);
    if (!donor.decls.length || !l.decls.length) return;
    const [s, e] = r.pick(donor.decls);
    const where = r.chance(0.2) ? l.file.text.length : r.pick(l.decls)[0];
    return l.file.text.slice(0, where) + '\n' + donor.file.text.slice(s, e) + '\n' + l.file.text.slice(where);
  },
  deleteDeclaration: (l, r) => {
    if (!l.decls.length) return;
    const [s, e] = r.pick(l.decls);
    return l.file.text.slice(0, s) + l.file.text.slice(e);
  },
  duplicateDeclaration: (l, r) => {
    if (!l.decls.length) return;
    const [s, e] = r.pick(l.decls);
    return l.file.text.slice(0, e) + '\n' + l.file.text.slice(s, e) + l.file.text.slice(e);
  },
  truncate: (l, r) => l.file.text.slice(0, r.int(l.file.text.length + 1)),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface Mutant {
  files: SourceFile[];
  /** which file was edited and how (for the report and the regression fixture) */
  edited: string;
  ops: string[];
}

/** One mutant of a policy: 1–3 mutations of one of its files (sometimes of two files). */
export function mutatePolicy(files: SourceFile[], r: Rng, donors: SourceFile[]): Mutant {
  const out = files.slice();
  const k = r.int(files.length);
  const ops: string[] = [];
  const others = donors.map(lexed);
  const rounds = 1 + r.int(r.chance(0.3) ? 3 : 1);
  let text = files[k]!.text;
  for (let i = 0; i < rounds; i++) {
    const name = r.pick(MUTATION_NAMES);
    const next = MUTATIONS[name]!(lexed({ path: files[k]!.path, text }), r, others);
    if (next === undefined) continue;
    ops.push(name);
    text = next;
  }
  out[k] = { path: files[k]!.path, text };
  return { files: out, edited: files[k]!.path, ops };
}
