// Helpers to read (possibly partial, recovered) chevrotain CST nodes safely.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Span } from './ast.ts';
import { tokenEnd, tokenStart } from './span.ts';

export function isToken(e: CstElement | undefined): e is IToken {
  return !!e && (e as IToken).tokenType !== undefined && (e as CstNode).children === undefined;
}

/** A token that really occurs in the source (not inserted by recovery). */
export function realToken(t: IToken | undefined): IToken | undefined {
  if (!t || t.isInsertedInRecovery || !Number.isFinite(t.startOffset)) return undefined;
  return t;
}

export function child(n: CstNode | undefined, key: string, i = 0): CstNode | undefined {
  const e = n?.children[key]?.[i];
  return e && !isToken(e) ? (e as CstNode) : undefined;
}

export function children(n: CstNode | undefined, key: string): CstNode[] {
  return (n?.children[key] ?? []).filter((e): e is CstNode => !isToken(e));
}

export function tok(n: CstNode | undefined, key: string, i = 0): IToken | undefined {
  const e = n?.children[key]?.[i];
  return isToken(e) ? realToken(e) : undefined;
}

export function toks(n: CstNode | undefined, key: string): IToken[] {
  return (n?.children[key] ?? []).filter(isToken).filter((t) => !!realToken(t));
}

export function has(n: CstNode | undefined, key: string): boolean {
  return toks(n, key).length > 0 || children(n, key).length > 0;
}

/** All real tokens under a node, in source order. */
export function tokensOf(n: CstNode | undefined, out: IToken[] = []): IToken[] {
  if (!n) return out;
  for (const list of Object.values(n.children)) {
    for (const e of list) {
      if (isToken(e)) {
        if (realToken(e)) out.push(e);
      } else tokensOf(e as CstNode, out);
    }
  }
  return out;
}

/** Tokens under a node that belong to the given token-type names, sorted by offset. */
export function opTokens(n: CstNode | undefined, names: string[]): IToken[] {
  const out: IToken[] = [];
  for (const name of names) out.push(...toks(n, name));
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** Span of a node from its location (if valid) or its first/last real tokens. */
export function nodeSpan(file: string, n: CstNode | undefined, fallback: Span): Span {
  const loc = n?.location;
  if (
    loc &&
    Number.isFinite(loc.startOffset) &&
    Number.isFinite(loc.endOffset) &&
    loc.startLine !== undefined &&
    Number.isFinite(loc.startLine) &&
    loc.endLine !== undefined &&
    Number.isFinite(loc.endLine)
  ) {
    return {
      file,
      start: { offset: loc.startOffset, line: loc.startLine, column: loc.startColumn ?? 1 },
      end: { offset: (loc.endOffset ?? loc.startOffset) + 1, line: loc.endLine, column: (loc.endColumn ?? 0) + 1 },
    };
  }
  const ts = tokensOf(n).sort((a, b) => a.startOffset - b.startOffset);
  const first = ts[0];
  const last = ts[ts.length - 1];
  if (first && last) return { file, start: tokenStart(first), end: tokenEnd(last) };
  return fallback;
}
