// Entry point of the compiler for every host (CLI, playground, tests): compilePolicy runs
// parse → resolve → check and returns every diagnostic of every stage at once; the IR only
// when there is no error. Also re-exports the IR types and the renderers.
import type { SourceFile } from '../dsl/ast.ts';
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { parseFileCached } from './parseCache.ts';
import { checkChain } from './check.ts';
import type { IrPolicy } from './ir.ts';
import { resolveChain, type PolicyResolver } from './resolve.ts';

export type * from './ir.ts';
export type { Diagnostic, Bilingual, Severity } from '../dsl/diagnostic.ts';
export type { SourceFile, Span } from '../dsl/ast.ts';
export type { PolicyResolver } from './resolve.ts';
export { compilerMessages, codegenMessages } from './messages.ts';
export { renderDiagnostics, renderDiagnostic } from './render/terminal.ts';
export { diagnosticsToJson, diagnosticToJson, type JsonDiagnostic } from './render/json.ts';

export interface CompileResult {
  diagnostics: Diagnostic[];
  ir?: IrPolicy;
  sources: Map<string, SourceFile>;
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export function compilePolicy(opts: { files: SourceFile[]; resolve?: PolicyResolver }): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const chain = resolveChain(opts.files, opts.resolve, parseFileCached, diagnostics, sources);
  let ir: IrPolicy | undefined;
  try {
    ir = checkChain(chain, diagnostics);
  } catch (err) {
    const p = { offset: 0, line: 1, column: 1 };
    diagnostics.push({
      code: 'XC999',
      severity: 'error',
      span: { file: opts.files[0]?.path ?? '', start: p, end: p },
      message: { zh: `编译器内部错误：${String(err)}`, en: `internal compiler error: ${String(err)}` },
      args: { error: String(err) },
    });
  }
  // identical diagnostics can arise when a parent's declaration is checked from two places
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const k = `${d.code}|${d.span.file}|${d.span.start.offset}|${d.span.end.offset}|${d.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  sortDiagnostics(unique);
  const failed = unique.some((d) => d.severity === 'error');
  return { diagnostics: unique, ...(failed || !ir ? {} : { ir }), sources };
}

// code generation, in-memory loading, golden cases
// compilePolicy reuses the parse of every file whose path and text it has seen (parents too);
// a host can forget them or plug in a persistent store (the built CLI keeps parses on disk)
export { clearParseCache, setParseStore, type ParseStore } from './parseCache.ts';
// and the checked IR of each declaration whose AST and looked-up names are unchanged
export { clearBuildCache, setBuildCache } from './buildCache.ts';
export { loadPolicy, tryLoadPolicy, loadBody, loadFailure, type LoadOptions } from './load.ts';
// a policy whose IR equals one loaded before is that one again (no generation, no new Function)
export { clearLoadCache, setLoadCache } from './loadCache.ts';
export { generateModule, emitBody, CodegenError, type GenerateModuleOptions } from './codegen.ts';
export { emitEsmModule, emitCjsModule, emitDeclarations, RUNTIME_PACKAGE, type EmitModuleOptions } from './emitModule.ts';
export type { LoadedPolicy, Outcome, EvaluateOptions, OutputValue, EvaluationError, PolicyInfo, OutputInfo } from '../runtime/outcome.ts';
export type { TraceNode } from '../runtime/trace.ts';
export { parseCaseSuite, compareOutcome, runGoldenCase, outputsFor, valueMatches, caseMessages } from './cases.ts';
export type { GoldenCase, CaseSuite, CaseResult, FieldResult } from './cases.ts';

// the auditors' policy diff
export { diffPolicies, diffOutcomes } from './diff.ts';
export type { PolicyDiff, DeclChange, DeclKind, DiffDetail, OutcomeDiff, CaseMove, OutputMove, OutputState } from './diff.ts';
export { printIr, printType, printRounding } from './printIr.ts';
