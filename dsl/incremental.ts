// Incremental parse: a file is cut into pieces at the lines that start with a declaration
// keyword, and each piece is lexed and parsed on its own, so an editor keystroke or a fuzz
// mutant re-parses only the declaration it changed. A piece's parse is kept by its text (the
// store is the host's: compiler/parseCache.ts); a piece found at another place of the file is
// handed out as a copy with every position moved by the piece's offset and line. The result is
// the whole-file parse (parseFile) exactly — the same declarations, the same diagnostics with
// the same spans, in the same order (tests/dsl/incremental.test.ts compares them over the
// corpus and over fuzz mutants) — and parseFile itself is used wherever a cut is not safe:
//   - a piece that ends inside an unterminated block comment (the comment may go on past it);
//   - a cut after `覆盖`, or between `抽象` and `政策` (one declaration over two pieces);
//   - a line whose keyword the lexer reads otherwise (not the first token of its piece);
//   - a file over the size limit, or a builder that threw (XP999; its state may carry on).
// A piece whose parse reported a syntax error is not kept: its diagnostics may point at the
// next piece's first token. Nor is one that took an empty node's span from the piece before.
// No Node API here: the playground runs this too.
import type { IToken, TokenType } from 'chevrotain';
import type { Declaration, FileAst, SourceFile, Span } from './ast.ts';
import type { Diagnostic } from './diagnostic.ts';
import { ChunkParser } from './chunkParse.ts';
import { parseFile, splitDeclarations, type ParseResult } from './index.ts';
import { lex } from './lexer.ts';
import { MAX_SOURCE_CHARS } from './limits.ts';
import { declarationStarts } from './parser.ts';
import { keywordEntryOf, Abstract, Override, Policy, UnterminatedBlockComment } from './tokens.ts';
import { emptySpan } from './span.ts';

/** One piece's parse, placed at `offset` / `line` of its file. */
export interface PieceParse {
  offset: number;
  line: number;
  declarations: Declaration[];
  lexDiagnostics: Diagnostic[];
  chunkDiagnostics: Diagnostic[];
  /** its first token (a declaration keyword unless it is the file's first piece) */
  first: IToken | undefined;
  lastType: TokenType | undefined;
  /** line breaks in its text */
  breaks: number;
  /** the builder's last span after it; null: it built none, the one before carries on */
  final: Span | null;
  /** it ends inside an unterminated block comment */
  openComment: boolean;
}

/** Where piece parses are kept. `get` returns the one at `offset` when it has it, else any
 * (the caller moves it); `set` adds a placement. */
export interface PieceStore {
  get(path: string, text: string, offset: number): PieceParse | undefined;
  set(path: string, text: string, piece: PieceParse): void;
}

// The spellings of the declaration keywords, by first character (a candidate cut is a line
// that starts with one followed by a blank; the lexer has the last word, see splitSafe).
const SPELLINGS = new Map<number, string[]>();
for (const t of declarationStarts) {
  const k = keywordEntryOf.get(t)!;
  for (const s of [k.zh, k.en]) {
    const list = SPELLINGS.get(s.charCodeAt(0)) ?? [];
    list.push(s);
    SPELLINGS.set(s.charCodeAt(0), list);
  }
}
const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000;

/** Offsets where a piece starts: 0, then every line start with a declaration keyword. */
export function pieceStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    const p = i + 1;
    const list = SPELLINGS.get(text.charCodeAt(p));
    if (list?.some((s) => text.startsWith(s, p) && isBlank(text.charCodeAt(p + s.length)))) out.push(p);
  }
  return out;
}

/** Line breaks as chevrotain and positionAt count them: \n, \r\n and a lone \r. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function isPosition(v: Record<string, unknown>): boolean {
  return typeof v.offset === 'number' && typeof v.line === 'number' && typeof v.column === 'number';
}

/** A deep copy with every position moved (a piece starts a line, so columns stay); objects
 * shared in the original are shared in the copy. */
function mover(dOffset: number, dLine: number): <T>(v: T) => T {
  const seen = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const a: unknown[] = new Array(v.length);
      seen.set(v, a);
      for (let i = 0; i < v.length; i++) a[i] = copy(v[i]);
      return a;
    }
    const o = v as Record<string, unknown>;
    if (isPosition(o)) {
      const p = { offset: (o.offset as number) + dOffset, line: (o.line as number) + dLine, column: o.column };
      seen.set(v, p);
      return p;
    }
    const c: Record<string, unknown> = {};
    seen.set(v, c);
    for (const k in o) c[k] = copy(o[k]);
    return c;
  };
  return copy as <T>(v: T) => T;
}

function moveToken(t: IToken, dOffset: number, dLine: number): void {
  t.startOffset += dOffset;
  if (t.endOffset !== undefined) t.endOffset += dOffset;
  if (t.startLine !== undefined) t.startLine += dLine;
  if (t.endLine !== undefined) t.endLine += dLine;
}

function moved(p: PieceParse, offset: number, line: number): PieceParse {
  const dOffset = offset - p.offset;
  const dLine = line - p.line;
  const copy = mover(dOffset, dLine);
  let first: IToken | undefined;
  if (p.first) {
    first = { ...p.first };
    moveToken(first, dOffset, dLine);
  }
  return {
    ...p,
    offset,
    line,
    declarations: copy(p.declarations),
    lexDiagnostics: copy(p.lexDiagnostics),
    chunkDiagnostics: copy(p.chunkDiagnostics),
    first,
    final: p.final ? copy(p.final) : null,
  };
}

/** Whether `span` (one object) is referenced anywhere in `v`. */
function refers(v: unknown, span: Span, seen = new Set<object>()): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (v === span) return true;
  if (seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) return v.some((x) => refers(x, span, seen));
  for (const k in v as Record<string, unknown>) if (refers((v as Record<string, unknown>)[k], span, seen)) return true;
  return false;
}

interface Fresh {
  piece: PieceParse;
  text: string;
  tokens: IToken[];
}

/** What the incremental parses did since the last reset (tests and benchmarks read it). */
export const pieceCounts = { files: 0, wholeFile: 0, reused: 0, moved: 0, parsed: 0 };

/** The parse of `file`, piece by piece through `store`; equal to parseFile(file). */
export function parseIncremental(file: SourceFile, store: PieceStore): ParseResult {
  const { text } = file;
  if (text.length > MAX_SOURCE_CHARS) return parseFile(file);
  const starts = pieceStarts(text);
  pieceCounts.files++;
  let result: ParseResult | undefined;
  try {
    if (starts.length > 1) result = parsePieces(file, starts, store);
  } catch {
    // the whole-file parse reports what threw (XP999)
  }
  if (result) return result;
  pieceCounts.wholeFile++;
  return parseFile(file);
}

function parsePieces(file: SourceFile, starts: number[], store: PieceStore): ParseResult | undefined {
  const { path, text } = file;
  // 1. every piece from the store (moved when it sits elsewhere now) or lexed afresh
  const pieces: (PieceParse | Fresh)[] = [];
  let line = 1;
  let lastType: TokenType | undefined;
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const t = text.slice(offset, starts[i + 1] ?? text.length);
    let piece = store.get(path, t, offset);
    let entry: PieceParse | Fresh;
    if (piece) {
      if (piece.offset !== offset || piece.line !== line) {
        piece = moved(piece, offset, line);
        store.set(path, t, piece);
        pieceCounts.moved++;
      } else pieceCounts.reused++;
      entry = piece;
    } else {
      const lexed = lex({ path, text: t });
      for (const tok of lexed.tokens) moveToken(tok, offset, line - 1);
      const move = mover(offset, line - 1);
      const lexDiagnostics = lexed.diagnostics.map((d) => move(d));
      const tokens = lexed.tokens;
      piece = {
        offset, line, declarations: [], lexDiagnostics, chunkDiagnostics: [], first: tokens[0], lastType: tokens[tokens.length - 1]?.tokenType,
        breaks: lineBreaks(t), final: null, openComment: lexed.comments.some((c) => c.tokenType === UnterminatedBlockComment),
      };
      entry = { piece, text: t, tokens };
      pieceCounts.parsed++;
    }
    piece = 'piece' in entry ? entry.piece : entry;
    // 2. the cut before this piece is one the whole-file parse has too
    if (i > 0) {
      const first = piece.first;
      if (!first || first.startOffset !== offset || !declarationStarts.has(first.tokenType)) return undefined;
      if (lastType === Override || (lastType === Abstract && first.tokenType === Policy)) return undefined;
      if (prevOf(pieces, i)?.openComment) return undefined;
    }
    if (piece.lastType) lastType = piece.lastType;
    pieces.push(entry);
    line += piece.breaks;
  }

  // 3. parse the new pieces in order, the builder's last span carried from piece to piece
  const parser = new ChunkParser(path);
  let last: Span = emptySpan(path);
  const declarations: Declaration[] = [];
  const lexDiags: Diagnostic[] = [];
  const chunkDiags: Diagnostic[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const entry = pieces[i]!;
    if ('piece' in entry) {
      const { piece, tokens } = entry;
      const next = pieces[i + 1] ? pieceOf(pieces[i + 1]!).first : undefined; // every piece after the first starts with a token
      parser.builder.resumeAfter(last);
      const out = { declarations: piece.declarations, diagnostics: piece.chunkDiagnostics };
      const chunks = splitDeclarations(tokens);
      let clean = true;
      for (let j = 0; j < chunks.length; j++) if (!parser.parse(chunks[j]!, chunks[j + 1]?.[0] ?? next, out)) clean = false;
      if (parser.builderThrew) return undefined;
      const final = parser.builder.lastBuilt;
      piece.final = final === last ? null : final;
      if (clean && !refers(out, last)) store.set(path, entry.text, piece);
    }
    const piece = pieceOf(entry);
    if (piece.final) last = piece.final;
    for (const d of piece.declarations) declarations.push(d);
    for (const d of piece.lexDiagnostics) lexDiags.push(d);
    for (const d of piece.chunkDiagnostics) chunkDiags.push(d);
  }
  const ast: FileAst = { file: path, declarations };
  // as parseFile: the lexer's diagnostics first, then each declaration's, sorted by offset (stable)
  const diagnostics = lexDiags.concat(chunkDiags);
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { ast, diagnostics };
}

const pieceOf = (e: PieceParse | Fresh): PieceParse => ('piece' in e ? e.piece : e);
const prevOf = (pieces: (PieceParse | Fresh)[], i: number): PieceParse | undefined => (pieces[i - 1] ? pieceOf(pieces[i - 1]!) : undefined);
