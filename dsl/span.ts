// Spans from chevrotain tokens: lines/columns 1-based, offsets 0-based, end exclusive.
import type { IToken } from 'chevrotain';
import type { Position, Span } from './ast.ts';

export function tokenStart(t: IToken): Position {
  return { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 };
}

export function tokenEnd(t: IToken): Position {
  const endOffset = t.endOffset ?? t.startOffset + t.image.length - 1;
  return {
    offset: endOffset + 1,
    line: t.endLine ?? t.startLine ?? 1,
    column: (t.endColumn ?? (t.startColumn ?? 1) + t.image.length - 1) + 1,
  };
}

export function isRealToken(t: IToken | undefined): t is IToken {
  return !!t && Number.isFinite(t.startOffset) && t.tokenType?.name !== 'EOF' && t.image !== undefined;
}

export function tokenSpan(file: string, t: IToken): Span {
  return { file, start: tokenStart(t), end: tokenEnd(t) };
}

export function spanFromTo(file: string, a: IToken, b: IToken): Span {
  return { file, start: tokenStart(a), end: tokenEnd(b) };
}

export function joinSpans(a: Span, b: Span): Span {
  return {
    file: a.file,
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}

/** Position of a character offset in a text (for diagnostics not attached to a token). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let col = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      col = 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        col = 1;
      } else col++;
    } else col++;
  }
  return { offset: end, line, column: col };
}

export function emptySpan(file: string): Span {
  const p = { offset: 0, line: 1, column: 1 };
  return { file, start: p, end: p };
}
