// JSON renderer: one flat, stable record per diagnostic (fixed key order; absent hint/cite
// are null) for tools, CI annotations and the playground.
import type { Bilingual, Diagnostic, Severity } from '../../dsl/diagnostic.ts';

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: Bilingual;
  hint: Bilingual | null;
  cite: string | null;
  related: { file: string; line: number; column: number; message: Bilingual }[];
}

export function diagnosticToJson(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    file: d.span.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    message: { zh: d.message.zh, en: d.message.en },
    hint: d.hint ? { zh: d.hint.zh, en: d.hint.en } : null,
    cite: d.cite ?? null,
    related: (d.related ?? []).map((r) => ({ file: r.span.file, line: r.span.start.line, column: r.span.start.column, message: r.message })),
  };
}

export function diagnosticsToJson(diags: Diagnostic[], space?: number): string {
  return JSON.stringify(diags.map(diagnosticToJson), null, space);
}
