// Folding by structure rather than indentation: every `{ … }` block, every block comment and
// every declaration that spans several lines can be folded. Ranges come from the same lexer the
// compiler uses (dsl/index.ts tokenize), so strings and comments never confuse the braces.
import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import { tokenize } from '../../../dsl/index.ts';
import { LANGUAGE_ID } from './monarch.ts';

export interface FoldRange {
  start: number; // 1-based first line
  end: number; // 1-based last line
  kind: 'block' | 'comment' | 'declaration';
}

/** Foldable ranges of a .xize text (pure: used by the editor and by tests). */
export function foldingRanges(text: string): FoldRange[] {
  const { tokens } = tokenize({ path: 'fold.xize', text });
  const out: FoldRange[] = [];
  const open: number[] = [];
  let declStart = -1;
  let lastLine = -1;
  let prev: (typeof tokens)[number] | undefined; // the previous non-comment token
  const closeDecl = () => {
    if (declStart > 0 && lastLine > declStart) out.push({ start: declStart, end: lastLine, kind: 'declaration' });
  };
  for (const t of tokens) {
    const line = t.span.start.line;
    if (t.class === 'comment') {
      if (t.span.end.line > line) out.push({ start: line, end: t.span.end.line, kind: 'comment' });
      continue;
    }
    // a declaration keyword at the top level starts a new declaration (覆盖/抽象 prefix theirs)
    if (open.length === 0 && t.class === 'declaration') {
      const prefixed = prev !== undefined && (prev.type === 'Override' || prev.type === 'Abstract');
      if (!prefixed) {
        closeDecl();
        declStart = line;
      }
    }
    if (t.type === 'LBrace') open.push(line);
    else if (t.type === 'RBrace' && open.length > 0) {
      const start = open.pop()!;
      if (t.span.end.line > start) out.push({ start, end: t.span.end.line, kind: 'block' });
    }
    lastLine = t.span.end.line;
    prev = t;
  }
  closeDecl();
  return out;
}

export function registerFolding(monaco: typeof Monaco): void {
  monaco.languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    provideFoldingRanges(model) {
      // one range per start line (the widest): a table's declaration and its `{` block start together
      const widest = new Map<number, FoldRange>();
      for (const r of foldingRanges(model.getValue())) {
        const w = widest.get(r.start);
        if (!w || r.end > w.end) widest.set(r.start, r);
      }
      return [...widest.values()].map((r) => ({
        start: r.start,
        end: r.end,
        ...(r.kind === 'comment' ? { kind: monaco.languages.FoldingRangeKind.Comment } : {}),
      }));
    },
  });
}
