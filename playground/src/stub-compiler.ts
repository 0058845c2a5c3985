// TEMPORARY: stands in for compiler/index.ts until it lands (vite.config.ts aliases it only
// when that file is missing). Reports one diagnostic so the page still loads.
import type { Diagnostic } from '../../dsl/diagnostic.ts';
import type { SourceFile } from '../../dsl/ast.ts';
export function compilePolicy(opts: { files: SourceFile[] }): { diagnostics: Diagnostic[]; ir: undefined } {
  const file = opts.files[0]?.path ?? '';
  const pos = { offset: 0, line: 1, column: 1 };
  return {
    diagnostics: [{ code: 'XC000', severity: 'warning', span: { file, start: pos, end: { offset: 1, line: 1, column: 2 } }, message: { zh: '编译器尚未就绪', en: 'compiler not available yet' }, args: {} }],
    ir: undefined,
  };
}
export function loadPolicy(): never {
  throw new Error('no compiler');
}
