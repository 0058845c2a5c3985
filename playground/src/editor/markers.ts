// Diagnostics (dsl/diagnostic.ts) -> Monaco markers: error red, warning amber; Chinese message
// with the English under it, plus the hint and the citation.
import type { Diagnostic } from '../../../dsl/diagnostic.ts';
import { monaco, existingModel, uriOf } from './editor.ts';

const OWNER = 'xize';

export function markerMessage(d: Diagnostic): string {
  const lines = [d.message.zh, d.message.en];
  if (d.hint) lines.push(`提示：${d.hint.zh}`, `Hint: ${d.hint.en}`);
  if (d.cite) lines.push(`依据：${d.cite}`);
  return lines.join('\n');
}

export function setMarkers(diags: Diagnostic[], paths: string[]): void {
  const byFile = new Map<string, Diagnostic[]>(paths.map((p) => [p, []]));
  for (const d of diags) byFile.get(d.span.file)?.push(d) ?? byFile.set(d.span.file, [d]);
  for (const [path, list] of byFile) {
    const model = existingModel(path);
    if (!model) continue;
    monaco.editor.setModelMarkers(
      model,
      OWNER,
      list.map((d) => {
        const endSame = d.span.end.line === d.span.start.line && d.span.end.column <= d.span.start.column;
        return {
          severity:
            d.severity === 'error'
              ? monaco.MarkerSeverity.Error
              : d.severity === 'warning'
                ? monaco.MarkerSeverity.Warning
                : monaco.MarkerSeverity.Info,
          message: markerMessage(d),
          code: d.code,
          source: '细则',
          startLineNumber: d.span.start.line,
          startColumn: d.span.start.column,
          endLineNumber: d.span.end.line,
          endColumn: endSame ? d.span.start.column + 1 : d.span.end.column,
          relatedInformation: d.related?.map((r) => ({
            resource: uriOf(r.span.file),
            message: `${r.message.zh} / ${r.message.en}`,
            startLineNumber: r.span.start.line,
            startColumn: r.span.start.column,
            endLineNumber: r.span.end.line,
            endColumn: r.span.end.column,
          })),
        };
      }),
    );
  }
}
