// Compiling a policy folder for the CLI (files from disk, sibling-folder resolver).
import { resolve } from 'node:path';
import { compilePolicy, emitBody, loadBody, loadFailure, renderDiagnostics, type CompileResult } from '../compiler/index.ts';
import { cachedBody, ensureBody } from './astCache.ts';
import { cachedCompiler } from './codeCache.ts';
import type { LoadedPolicy } from '../runtime/outcome.ts';
import { readPolicyFolder, siblingResolver } from './io.ts';
import { colorEnabled, ownColours } from './format.ts';

export interface CompiledFolder {
  dir: string;
  result: CompileResult;
  policy?: LoadedPolicy;
  errors: number;
  warnings: number;
}

function compileOptions(): { compile?: ReturnType<typeof cachedCompiler> & object } {
  const compile = cachedCompiler();
  return compile ? { compile } : {};
}

/** `load: false` when only the diagnostics are wanted (xize check): no code generated. */
export function compileFolder(dir: string, load = true): CompiledFolder {
  const abs = resolve(dir);
  const files = readPolicyFolder(abs);
  const result = compilePolicy({ files, resolve: siblingResolver(abs) });
  let policy: LoadedPolicy | undefined;
  if (result.ir && !result.diagnostics.some((d) => d.severity === 'error')) {
    // a code-generation defect becomes a diagnostic (XG…) of this compile, never a stack trace;
    // `check` (load false) still generates the body (cached) so such a defect shows there too
    const ir = result.ir;
    try {
      if (load) policy = loadBody(cachedBody(result, () => emitBody(ir)), compileOptions());
      else ensureBody(result, () => emitBody(ir));
    } catch (err) {
      result.diagnostics.push(loadFailure(ir, err));
      delete result.ir;
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const out: CompiledFolder = { dir: abs, result, errors, warnings };
  if (policy) out.policy = policy;
  return out;
}

/** Diagnostics with source lines; coloured only when the CLI's colours are on (--no-color). */
export function renderFolderDiagnostics(cf: CompiledFolder): string {
  return ownColours(renderDiagnostics(cf.result.diagnostics, cf.result.sources, { color: colorEnabled() }));
}
