// Terminal renderer: Chinese first, then English; the source line with ^^^ under the span
// (CJK characters count as two columns), hints, related places and the citation. Every piece of
// text that comes from a file (messages quoting names and strings, the source line, file names,
// hints, citations) goes through escape.ts, so the only escape sequences in the result are the
// colours this renderer adds.
import { escapeControls as esc, oneLine } from './escape.ts';
import type { SourceFile, Span } from '../../dsl/ast.ts';
import type { Diagnostic } from '../../dsl/diagnostic.ts';

export interface RenderOptions {
  color?: boolean;
}

type Sources = Map<string, SourceFile> | SourceFile[] | Record<string, SourceFile>;

function textOf(files: Sources, path: string): string | undefined {
  if (files instanceof Map) return files.get(path)?.text;
  if (Array.isArray(files)) return files.find((f) => f.path === path)?.text;
  return Object.prototype.hasOwnProperty.call(files, path) ? files[path].text : undefined;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Blank padding as wide as `s` on a terminal (tabs kept as tabs). */
function pad(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '\t' ? '\t' : isWide(ch.codePointAt(0)!) ? '  ' : ' ';
  return out;
}

const ANSI = { red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', blue: '\x1b[34m', bold: '\x1b[1m', reset: '\x1b[0m' };

function where(span: Span): string {
  return `${oneLine(span.file)}:${span.start.line}:${span.start.column}`;
}

export function renderDiagnostic(d: Diagnostic, files: Sources, opts: RenderOptions = {}): string {
  const c = (code: keyof typeof ANSI, s: string) => (opts.color ? ANSI[code] + s + ANSI.reset : s);
  const sevColor = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
  const lines: string[] = [];
  lines.push(`${c(sevColor, `${d.severity}[${d.code}]`)}${c('bold', `: ${esc(d.message.zh)} / ${esc(d.message.en)}`)}`);
  lines.push(`  ${c('blue', '-->')} ${where(d.span)}`);
  const text = textOf(files, d.span.file);
  const gutter = String(d.span.start.line).length;
  const bar = c('blue', `${' '.repeat(gutter + 1)}|`);
  if (text !== undefined) {
    const srcLine = text.split(/\r?\n/)[d.span.start.line - 1];
    if (srcLine !== undefined) {
      const startCol = d.span.start.column - 1;
      const endCol = d.span.end.line === d.span.start.line ? Math.max(d.span.end.column - 1, startCol + 1) : srcLine.length;
      const under = srcLine.slice(startCol, Math.max(endCol, startCol + 1)) || ' ';
      lines.push(bar);
      // escaped piecewise, so the carets stay under the (now visible) escapes of the span
      lines.push(`${c('blue', `${d.span.start.line} |`)} ${esc(srcLine)}`);
      lines.push(`${bar} ${pad(esc(srcLine.slice(0, startCol)))}${c(sevColor, '^'.repeat(Math.max(1, pad(esc(under)).replace(/\t/g, ' ').length)))}`);
    }
  }
  const eq = c('blue', `${' '.repeat(gutter + 1)}=`);
  if (d.hint) lines.push(`${eq} 提示: ${esc(d.hint.zh)}`, `${eq} hint: ${esc(d.hint.en)}`);
  for (const r of d.related ?? []) lines.push(`${eq} 参见 / see ${where(r.span)}: ${esc(r.message.zh)} / ${esc(r.message.en)}`);
  if (d.cite) lines.push(`${eq} 依据: ${esc(d.cite)}`);
  return lines.join('\n');
}

export function renderDiagnostics(diags: Diagnostic[], files: Sources, opts: RenderOptions = {}): string {
  const body = diags.map((d) => renderDiagnostic(d, files, opts)).join('\n\n');
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  if (diags.length === 0) return '';
  return `${body}\n\n${errors} 个错误，${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)\n`;
}
