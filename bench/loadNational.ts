// Reads a policy folder from disk for the benchmarks (Node only; the compiler itself takes text).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compilePolicy, loadPolicy } from '../compiler/index.ts';
import { clearParseCache } from '../compiler/parseCache.ts';

const ROOT = new URL('..', import.meta.url).pathname;

export function readPolicyFiles(dir: string) {
  const abs = join(ROOT, dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.xize') && statSync(join(abs, f)).isFile())
    .sort()
    .map((f) => ({ path: relative(ROOT, join(abs, f)), text: readFileSync(join(abs, f), 'utf8') }));
}

export function compileNational() {
  const files = readPolicyFiles('provinces/national');
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
