// The Xize lexer: source text → tokens (+ comments) + XL… diagnostics. Never throws.
import { Lexer, type IToken } from 'chevrotain';
import type { SourceFile, Span } from './ast.ts';
import { makeDiagnostic, type Diagnostic } from './diagnostic.ts';
import { dslMessages } from './messages.ts';
import { positionAt, tokenSpan } from './span.ts';
import { allTokens, UnterminatedBlockComment, UnterminatedString } from './tokens.ts';

// Built on first use: its construction (chevrotain analyses every token pattern) is a good part
// of the CLI's start, and a run whose parses all come from the cache never lexes.
let lexer: Lexer | null = null;
export function xizeLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, {
    positionTracking: 'full',
    ensureOptimizations: false,
    skipValidations: true,
  }));
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function lex(file: SourceFile): LexResult {
  const diagnostics: Diagnostic[] = [];
  let result;
  try {
    result = xizeLexer().tokenize(file.text);
  } catch {
    return { tokens: [], comments: [], diagnostics };
  }
  for (const e of result.errors) {
    const start = positionAt(file.text, e.offset);
    const end = positionAt(file.text, e.offset + e.length);
    const span: Span = { file: file.path, start, end };
    const text = file.text.slice(e.offset, e.offset + Math.min(e.length, 20));
    diagnostics.push(makeDiagnostic(dslMessages, 'XL001', span, { text }));
  }
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(makeDiagnostic(dslMessages, 'XL002', tokenSpan(file.path, t)));
    }
  }
  const comments = result.groups.comments ?? [];
  for (const t of comments) {
    if (t.tokenType === UnterminatedBlockComment) {
      diagnostics.push(makeDiagnostic(dslMessages, 'XL003', tokenSpan(file.path, t)));
    }
  }
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return { tokens: result.tokens, comments, diagnostics };
}
