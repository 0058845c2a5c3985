// Public entry of the Xize front end: parseFile (text → FileAst + diagnostics) and tokenize.
// No Node API here: this runs in the browser too. Never throws.
import type { IToken } from 'chevrotain';
import type { FileAst, SourceFile, Span } from './ast.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { lex } from './lexer.ts';
import { dslMessages } from './messages.ts';
import { declarationStarts } from './parser.ts';
import { positionAt, tokenSpan } from './span.ts';
import { MAX_SOURCE_CHARS } from './limits.ts';
import { keywordEntryOf } from './tokens.ts';
import { ChunkParser } from './chunkParse.ts';
import type { KeywordCategory } from './keywords.ts';

export type { FileAst, SourceFile } from './ast.ts';
export type { Diagnostic } from './diagnostic.ts';
export { dslMessages } from './messages.ts';
export * from './keywords.ts';
export * from './limits.ts';

export interface ParseResult {
  ast: FileAst;
  diagnostics: Diagnostic[];
}

/**
 * Split the token stream into declarations: a new one starts at every declaration keyword,
 * except `政策` after `抽象` and `参数/表/分档/规则` after `覆盖`.
 */
export function splitDeclarations(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let cur: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const glued =
      prev && ((prev.tokenType.name === 'Abstract' && t.tokenType.name === 'Policy') || prev.tokenType.name === 'Override');
    if (declarationStarts.has(t.tokenType) && !glued && cur.length) {
      chunks.push(cur);
      cur = [];
    }
    cur.push(t);
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}

/** XL006 when the file is over MAX_SOURCE_CHARS, at the first character past the limit. */
function sizeDiagnostic(file: SourceFile): Diagnostic | undefined {
  if (file.text.length <= MAX_SOURCE_CHARS) return undefined;
  const at = positionAt(file.text, MAX_SOURCE_CHARS);
  const span: Span = { file: file.path, start: at, end: at };
  return makeDiagnostic(dslMessages, 'XL006', span, { chars: String(file.text.length), limit: String(MAX_SOURCE_CHARS) });
}

export function parseFile(file: SourceFile): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const ast: FileAst = { file: file.path, declarations: [] };
  const tooLarge = sizeDiagnostic(file);
  if (tooLarge) return { ast, diagnostics: [tooLarge] };
  try {
    const lexed = lex(file);
    diagnostics.push(...lexed.diagnostics);
    const parser = new ChunkParser(file.path);
    const out = { declarations: ast.declarations, diagnostics };
    const chunks = splitDeclarations(lexed.tokens);
    for (let i = 0; i < chunks.length; i++) parser.parse(chunks[i]!, chunks[i + 1]?.[0], out);
  } catch (err) {
    const p = { offset: 0, line: 1, column: 1 };
    const span: Span = { file: file.path, start: p, end: p };
    diagnostics.push(makeDiagnostic(dslMessages, 'XP999', span, { error: String(err) }));
  }
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { ast, diagnostics };
}

export type TokenClass =
  | KeywordCategory
  | 'identifier'
  | 'number'
  | 'date'
  | 'string'
  | 'comment'
  | 'operator'
  | 'punctuation';

export interface ToolToken {
  type: string; // chevrotain token type name
  class: TokenClass;
  image: string;
  span: Span;
}

function classify(t: IToken): TokenClass {
  const k = keywordEntryOf.get(t.tokenType);
  if (k) return k.category;
  const n = t.tokenType.name;
  if (n === 'Identifier') return 'identifier';
  if (n === 'NumberLiteral' || n === 'Percent' || n === 'PerMille') return 'number';
  if (n === 'DateLiteral') return 'date';
  if (n.endsWith('String')) return 'string';
  if (n.endsWith('Comment')) return 'comment';
  if (/^(L|R)(Paren|Bracket|Brace)$|^(Comma|Semicolon|Colon|Question|Dot)$/.test(n)) return 'punctuation';
  return 'operator';
}

/** Tokens (comments included, in source order) for editors and tools, plus lexer diagnostics. */
export function tokenize(file: SourceFile): { tokens: ToolToken[]; diagnostics: Diagnostic[] } {
  const tooLarge = sizeDiagnostic(file);
  if (tooLarge) return { tokens: [], diagnostics: [tooLarge] };
  try {
    const r = lex(file);
    const all = [...r.tokens, ...r.comments].sort((a, b) => a.startOffset - b.startOffset);
    return {
      tokens: all.map((t) => ({ type: t.tokenType.name, class: classify(t), image: t.image, span: tokenSpan(file.path, t) })),
      diagnostics: r.diagnostics,
    };
  } catch {
    return { tokens: [], diagnostics: [] };
  }
}
