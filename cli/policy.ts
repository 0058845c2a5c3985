// Compiling a policy folder for the CLI (files from disk, sibling-folder resolver).
import { resolve } from 'node:path';
import { compilePolicy, renderDiagnostics, tryLoadPolicy, type CompileResult } from '../compiler/index.ts';
import type { LoadedPolicy } from '../runtime/outcome.ts';
import { readPolicyFolder, siblingResolver } from './io.ts';
import { colorDefault } from './format.ts';

export interface CompiledFolder {
  dir: string;
  result: CompileResult;
  policy?: LoadedPolicy;
  errors: number;
  warnings: number;
}

export function compileFolder(dir: string): CompiledFolder {
  const abs = resolve(dir);
  const files = readPolicyFolder(abs);
  const result = compilePolicy({ files, resolve: siblingResolver(abs) });
  let policy: LoadedPolicy | undefined;
  if (result.ir && !result.diagnostics.some((d) => d.severity === 'error')) {
    // a code-generation defect becomes a diagnostic (XG…) of this compile, never a stack trace
    const loaded = tryLoadPolicy(result.ir);
    policy = loaded.policy;
    if (loaded.diagnostics.length) {
      result.diagnostics.push(...loaded.diagnostics);
      delete result.ir;
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const out: CompiledFolder = { dir: abs, result, errors, warnings };
  if (policy) out.policy = policy;
  return out;
}

export function renderFolderDiagnostics(cf: CompiledFolder, stream: NodeJS.WriteStream = process.stderr): string {
  return renderDiagnostics(cf.result.diagnostics, cf.result.sources, { color: colorDefault(stream) });
}
