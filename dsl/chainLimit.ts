// The operator-chain limit applied to a declaration's tokens, before parsing. A chain
// `a + a + … + a` is flat in the CST but as deep as it is long in the AST (dsl/exprDepth.ts
// cuts it there), and the parser spent ≈ 30 µs a token reading all of it first: a 10⁶-token
// chain took seconds before XP021. Here one linear pass counts the binary operators of each
// chain (per bracket level, restarted by anything that ends an expression: a comma, `则`,
// `否则`, a clause keyword…); at the operator that would make the chain MAX_EXPR_DEPTH deep it
// reports XP021 once and drops the rest of that chain, up to the end of the expression (the
// token that ends it, or the bracket that closes around it). The declaration keeps its name,
// type and clauses, so later references to it do not cascade into unknown-name errors; the
// policy does not compile (XP021 is an error).
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens.ts';
import { keywordEntryOf, keywordTokens } from './tokens.ts';
import { MAX_EXPR_DEPTH } from './limits.ts';

const OPEN = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace]);
const CLOSE = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace]);
const OPERATORS = new Set<TokenType>([
  // not `=`: it is also the `= expr` of a declaration (a chain of `=` comparisons is not a thing)
  T.Plus, T.Minus, T.Times, T.Divide, T.Less, T.LessEq, T.Greater, T.GreaterEq, T.NotEq,
  keywordTokens['And']!, keywordTokens['Or']!,
]);
const PUNCT_ENDS = new Set<TokenType>([T.Comma, T.Semicolon, T.Colon, T.FatArrow, T.DotDot, T.Arrow]);

/** A token that ends an expression at its bracket level (never a unit, literal or operator word). */
function endsExpression(t: TokenType): boolean {
  if (PUNCT_ENDS.has(t)) return true;
  const k = keywordEntryOf.get(t);
  if (k === undefined) return false;
  if (k.id === 'At') return false; // `X 于 d` continues the operand
  return k.category === 'control' || k.category === 'declaration' || k.category === 'modifier';
}

/** The declaration's tokens with every over-long chain cut, and the operator where the first
 * cut starts (null when nothing was cut). `limit` operators make a chain `limit` + 1 deep. */
export function limitChains(tokens: IToken[], limit = MAX_EXPR_DEPTH): { tokens: IToken[]; cut: IToken | null } {
  const counts: number[] = [0];
  let out: IToken[] | null = null;
  let cut: IToken | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tt = t.tokenType;
    if (OPEN.has(tt)) counts.push(0);
    else if (CLOSE.has(tt)) {
      if (counts.length > 1) counts.pop(); // the bracketed part was one operand of the chain around it
    } else if (OPERATORS.has(tt)) {
      const n = ++counts[counts.length - 1]!;
      if (n >= limit) {
        cut ??= t;
        out ??= tokens.slice(0, i);
        i = endOfExpression(tokens, i) - 1; // the loop's i++ lands on the token that ends it
        counts[counts.length - 1] = 0;
        continue;
      }
    } else if (endsExpression(tt)) counts[counts.length - 1] = 0;
    if (out !== null) out.push(t);
  }
  return { tokens: out ?? tokens, cut };
}

/** Index of the first token after `from` that ends the expression `from` is in. */
function endOfExpression(tokens: IToken[], from: number): number {
  let depth = 0;
  for (let j = from; j < tokens.length; j++) {
    const tt = tokens[j]!.tokenType;
    if (OPEN.has(tt)) depth++;
    else if (CLOSE.has(tt)) {
      if (depth === 0) return j;
      depth--;
    } else if (depth === 0 && endsExpression(tt)) return j;
  }
  return tokens.length;
}
