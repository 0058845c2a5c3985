// One declaration's tokens (a chunk of splitDeclarations) → its AST and diagnostics. The whole-
// file parse (dsl/index.ts) and the per-declaration incremental parse (dsl/incremental.ts) both
// go through here, so the two give the same declarations and the same diagnostics.
import type { IToken } from 'chevrotain';
import type { Declaration } from './ast.ts';
import { AstBuilder } from './astBuilder.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { dslMessages } from './messages.ts';
import { parseErrorToDiagnostic } from './parseErrors.ts';
import { getParser } from './parser.ts';
import { isRealToken, tokenSpan } from './span.ts';
import { limitExpressionDepth } from './exprDepth.ts';
import { NestingTooDeep } from './grammar/expressions.ts';
import { MAX_ASSIST_PREFIX_TOKENS, MAX_EXPR_DEPTH, MAX_NESTING, MAX_PARSE_ERRORS_PER_DECLARATION } from './limits.ts';
import { limitChains } from './chainLimit.ts';

/** Token type names the grammar accepts after `preceding` (a declaration prefix); none past
 * MAX_ASSIST_PREFIX_TOKENS (the list is a courtesy, its cost grows faster than the prefix). */
export function expectedAfter(preceding: IToken[]): string[] {
  if (preceding.length > MAX_ASSIST_PREFIX_TOKENS) return [];
  try {
    const paths = getParser().computeContentAssist('declaration', preceding);
    return [...new Set(paths.map((p) => p.nextTokenType.name))];
  } catch {
    return [];
  }
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

/** Parses the chunks of one file in order; the builder's state (the last span built) carries
 * from one chunk to the next, as it does in a whole-file parse. */
export class ChunkParser {
  private readonly built: Diagnostic[] = [];
  readonly builder: AstBuilder;
  /** the builder threw on a partial CST (XP999): its state may carry into the next chunk */
  builderThrew = false;

  constructor(private readonly path: string) {
    this.builder = new AstBuilder(path, this.built);
  }

  /**
   * Parse `whole` (one chunk); `next` is the first token after it (the next declaration's
   * keyword), which a syntax error at the chunk's end points at. Pushes the declaration (if one
   * was built) and the diagnostics; returns false when the parser reported a syntax error or
   * dropped the declaration — the result then depends on `next`. Throws what the builder threw
   * that is not a nesting overflow (the whole-file parse reports it as XP999).
   */
  parse(whole: IToken[], next: IToken | undefined, out: { declarations: Declaration[]; diagnostics: Diagnostic[] }): boolean {
    const { path, builder, built } = this;
    const diagnostics = out.diagnostics;
    // an over-long operator chain is cut before parsing (dsl/chainLimit.ts): XP021 once, at
    // the operator past the limit; the declaration is kept
    const { tokens: chunk, cut } = limitChains(whole);
    if (cut !== null) diagnostics.push(makeDiagnostic(dslMessages, 'XP021', tokenSpan(path, cut), { limit: String(MAX_EXPR_DEPTH) }));
    const parser = getParser();
    parser.input = chunk;
    parser.nesting = 0;
    let cst;
    try {
      cst = parser.declaration();
    } catch (err) {
      const d = nestingDiagnostic(path, err, chunk);
      if (!d) throw err;
      diagnostics.push(d); // the declaration is dropped; the others are still parsed
      return false;
    }
    const errors = [...parser.errors]; // snapshot: content assist below reuses the parser
    const seen = new Set<number>();
    let shown = 0;
    for (let k = 0; k < errors.length; k++) {
      const e = errors[k]!;
      const d = parseErrorToDiagnostic(e, { file: path, next, last: chunk[chunk.length - 1], chunk, expectedAfter });
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
    let clean = errors.length === 0;
    if (cst) {
      let decl;
      try {
        decl = builder.declaration(cst);
      } catch (err) {
        // a partial CST the builder did not foresee: keep going with the next declaration
        const t = chunk[0]!;
        diagnostics.push(nestingDiagnostic(path, err, chunk) ?? makeDiagnostic(dslMessages, 'XP999', tokenSpan(path, t), { error: String(err) }));
        clean = false;
        this.builderThrew = true;
      }
      if (decl) {
        const deep = limitExpressionDepth(decl, path); // cuts the AST in any case
        if (cut === null) diagnostics.push(...deep);
        out.declarations.push(decl);
      }
    }
    // After a syntax error the CST is partial: the builder's own complaints (missing clause,
    // duplicate clause, …) would only be noise. Keep its lexical ones (bad escape, bad date).
    for (const d of built) if (!errors.length || d.code.startsWith('XL')) diagnostics.push(d);
    built.length = 0;
    return clean;
  }
}
