// Compiles the national baseline for the benchmarks, reading it the way the CLI does.
import { join } from 'node:path';
import { compilePolicy, loadPolicy } from '../compiler/index.ts';
import { clearParseCache } from '../compiler/parseCache.ts';
import { readPolicyFolder } from '../cli/io.ts';

const ROOT = new URL('..', import.meta.url).pathname;

export function compileNational() {
  const files = readPolicyFolder(join(ROOT, 'provinces/national'));
  clearParseCache(); // a cold compile: every file parsed again
  const t0 = performance.now();
  const result = compilePolicy({ files, resolve: () => undefined });
  const compileMs = performance.now() - t0;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.ir || errors.length) {
    throw new Error(`national policy does not compile:\n${errors.map((d) => `${d.code} ${d.span.file}:${d.span.start.line} ${d.message.en}`).join('\n')}`);
  }
  const t1 = performance.now();
  const policy = loadPolicy(result.ir);
  const loadMs = performance.now() - t1;
  return { policy, compileMs, loadMs };
}
