// Diagnostics are data. A stage reports { code, span, args }; the message catalog of that
// stage turns it into Chinese and English text (CUE-style: one template record, two
// renderings). Renderers (terminal, JSON, Monaco markers) live elsewhere and only read this.
//
// Code prefixes, one per layer:
//   XL lexer · XP parser · XC checker · XG code generation · XR evaluation · XI case input · XT test harness
import type { Span } from './ast.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  span: Span;
  message: Bilingual;
  hint?: Bilingual;
  /** The article the offending declaration implements, when known (shown last, as in Catala). */
  cite?: string;
  /** Template arguments the message was rendered from (for tools that re-render). */
  args: Record<string, string>;
  /** Other places that explain the problem (the earlier declaration of a duplicate, …). */
  related?: { span: Span; message: Bilingual }[];
}

export interface MessageTemplate {
  severity: Severity;
  zh: (a: Record<string, string>) => string;
  en: (a: Record<string, string>) => string;
  hintZh?: (a: Record<string, string>) => string;
  hintEn?: (a: Record<string, string>) => string;
}

export type Catalog = Record<string, MessageTemplate>;

export function makeDiagnostic(
  catalog: Catalog,
  code: string,
  span: Span,
  args: Record<string, string> = {},
  extra: { cite?: string; related?: Diagnostic['related']; severity?: Severity } = {},
): Diagnostic {
  const t = catalog[code];
  if (!t) throw new Error(`internal: no message template for ${code}`);
  const d: Diagnostic = {
    code,
    severity: extra.severity ?? t.severity,
    span,
    message: { zh: t.zh(args), en: t.en(args) },
    args,
  };
  if (t.hintZh && t.hintEn) d.hint = { zh: t.hintZh(args), en: t.hintEn(args) };
  if (extra.cite) d.cite = extra.cite;
  if (extra.related) d.related = extra.related;
  return d;
}
