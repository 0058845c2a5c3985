// Public entry of the Xize front end: parseFile (text → FileAst + diagnostics) and tokenize.
// No Node API here: this runs in the browser too. Never throws.
import type { IToken } from 'chevrotain';
import type { FileAst, SourceFile, Span } from './ast.ts';
import { AstBuilder } from './astBuilder.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { lex } from './lexer.ts';
import { dslMessages } from './messages.ts';
import { parseErrorToDiagnostic } from './parseErrors.ts';
import { declarationStarts, getParser } from './parser.ts';
import { isRealToken, positionAt, tokenSpan } from './span.ts';
import { limitExpressionDepth } from './exprDepth.ts';
import { NestingTooDeep } from './grammar/expressions.ts';
import { MAX_EXPR_DEPTH, MAX_NESTING, MAX_PARSE_ERRORS_PER_DECLARATION, MAX_SOURCE_CHARS } from './limits.ts';
import { keywordEntryOf } from './tokens.ts';
import { limitChains } from './chainLimit.ts';
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

/** Token type names the grammar accepts after `preceding` (a declaration prefix). */
function expectedAfter(preceding: IToken[]): string[] {
  try {
    const paths = getParser().computeContentAssist('declaration', preceding);
    return [...new Set(paths.map((p) => p.nextTokenType.name))];
  } catch {
    return [];
  }
}

/** XL006 when the file is over MAX_SOURCE_CHARS, at the first character past the limit. */
function sizeDiagnostic(file: SourceFile): Diagnostic | undefined {
  if (file.text.length <= MAX_SOURCE_CHARS) return undefined;
  const at = positionAt(file.text, MAX_SOURCE_CHARS);
  const span: Span = { file: file.path, start: at, end: at };
  return makeDiagnostic(dslMessages, 'XL006', span, { chars: String(file.text.length), limit: String(MAX_SOURCE_CHARS) });
}

/** XP020 for a declaration whose parse ran past the nesting limit (or out of stack). */
function nestingDiagnostic(path: string, err: unknown, chunk: IToken[]): Diagnostic | undefined {
  if (err instanceof NestingTooDeep) {
    const t = isRealToken(err.token) ? err.token : chunk[chunk.length - 1]!;
    return makeDiagnostic(dslMessages, 'XP020', tokenSpan(path, t), { limit: String(MAX_NESTING) });
  }
  if (err instanceof RangeError) return makeDiagnostic(dslMessages, 'XP020', tokenSpan(path, chunk[0]!), { limit: String(MAX_NESTING) });
  return undefined;
}

export function parseFile(file: SourceFile): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const ast: FileAst = { file: file.path, declarations: [] };
  const tooLarge = sizeDiagnostic(file);
  if (tooLarge) return { ast, diagnostics: [tooLarge] };
  try {
    const lexed = lex(file);
    diagnostics.push(...lexed.diagnostics);
    const parser = getParser();
    const built: Diagnostic[] = [];
    const builder = new AstBuilder(file.path, built);
    const chunks = splitDeclarations(lexed.tokens);
    chunks.forEach((whole, i) => {
      // an over-long operator chain is cut before parsing (dsl/chainLimit.ts): XP021 once, at
      // the operator past the limit; the declaration is kept
      const { tokens: chunk, cut } = limitChains(whole);
      if (cut !== null) diagnostics.push(makeDiagnostic(dslMessages, 'XP021', tokenSpan(file.path, cut), { limit: String(MAX_EXPR_DEPTH) }));
      parser.input = chunk;
      parser.nesting = 0;
      let cst;
      try {
        cst = parser.declaration();
      } catch (err) {
        const d = nestingDiagnostic(file.path, err, chunk);
        if (!d) throw err;
        diagnostics.push(d); // the declaration is dropped; the others are still parsed
        return;
      }
      const errors = [...parser.errors]; // snapshot: content assist below reuses the parser
      const seen = new Set<number>();
      let shown = 0;
      for (let k = 0; k < errors.length; k++) {
        const e = errors[k]!;
        const d = parseErrorToDiagnostic(e, {
          file: file.path,
          next: chunks[i + 1]?.[0],
          last: chunk[chunk.length - 1],
          chunk,
          expectedAfter: (preceding) => expectedAfter(preceding),
        });
        if (seen.has(d.span.start.offset)) continue;
        seen.add(d.span.start.offset);
        // past the first few, syntax errors in one declaration are the recovery's echoes of
        // the first (a broken 20 000-term sum gave 5 186): one XP022 counts the rest
        if (shown === MAX_PARSE_ERRORS_PER_DECLARATION) {
          const rest = new Set(errors.slice(k).map((x) => x.token.startOffset)).size;
          diagnostics.push(makeDiagnostic(dslMessages, 'XP022', d.span, { count: String(rest), limit: String(MAX_PARSE_ERRORS_PER_DECLARATION) }));
          break;
        }
        shown++;
        diagnostics.push(d);
      }
      if (cst) {
        let decl;
        try {
          decl = builder.declaration(cst);
        } catch (err) {
          // a partial CST the builder did not foresee: keep going with the next declaration
          const t = chunk[0]!;
          diagnostics.push(nestingDiagnostic(file.path, err, chunk) ?? makeDiagnostic(dslMessages, 'XP999', tokenSpan(file.path, t), { error: String(err) }));
        }
        if (decl) {
          const deep = limitExpressionDepth(decl, file.path); // cuts the AST in any case
          if (cut === null) diagnostics.push(...deep);
          ast.declarations.push(decl);
        }
      }
      // After a syntax error the CST is partial: the builder's own complaints (missing clause,
      // duplicate clause, …) would only be noise. Keep its lexical ones (bad escape, bad date).
      for (const d of built) if (!errors.length || d.code.startsWith('XL')) diagnostics.push(d);
      built.length = 0;
    });
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
