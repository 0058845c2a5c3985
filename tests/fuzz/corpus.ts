// The fuzz corpus: every policy folder of the repository (provinces/** and the test fixtures)
// with its .xize files, a resolver by policy name over all of them, and the sample cases of
// each policy (its golden cases: input, parameters, as-of date).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../../dsl/ast.ts';
import { parseFile } from '../../dsl/index.ts';
import { parseCaseSuite, type PolicyResolver } from '../../compiler/index.ts';
import { setParseStore } from '../../compiler/parseCache.ts';
import { fileURLToPath } from 'node:url';

// not tests/support/scratch.ts: that imports vitest, and the long run (run.ts) is plain tsx
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SampleCase {
  id: string;
  asOf: string;
  input: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

export interface CorpusPolicy {
  /** the name its header declares */
  name: string;
  /** folder relative to the repository root */
  dir: string;
  files: SourceFile[];
  cases: SampleCase[];
}

const ROOTS = ['provinces', 'tests/fixtures/cli'];

function policyFolders(dir: string, out: string[]): void {
  const entries = readdirSync(dir).sort();
  if (entries.some((e) => e.endsWith('.xize'))) out.push(dir);
  for (const e of entries) {
    const p = join(dir, e);
    if (!e.startsWith('.') && statSync(p).isDirectory()) policyFolders(p, out);
  }
}

function headerName(files: SourceFile[]): string | undefined {
  for (const f of files) {
    const h = parseFile(f).ast.declarations.find((d) => d.kind === 'header');
    if (h && h.kind === 'header') return h.name.text;
  }
  return undefined;
}

function caseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of [dir, join(dir, 'cases')]) {
    if (!existsSync(d)) continue;
    for (const e of readdirSync(d).sort()) if (/\.cases\.ya?ml$/.test(e)) out.push(join(d, e));
  }
  return out;
}

let cached: CorpusPolicy[] | undefined;

/** Every policy of the repository, in a fixed order. */
export function corpus(): CorpusPolicy[] {
  if (cached) return cached;
  const dirs: string[] = [];
  for (const r of ROOTS) policyFolders(join(ROOT, r), dirs);
  const policies: CorpusPolicy[] = [];
  for (const abs of dirs) {
    const dir = relative(ROOT, abs);
    const files = readdirSync(abs)
      .filter((f) => f.endsWith('.xize'))
      .sort()
      .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(abs, f), 'utf8') }));
    const name = headerName(files);
    if (!name) continue;
    const cases: SampleCase[] = [];
    for (const cf of caseFiles(abs)) {
      const suite = parseCaseSuite(readFileSync(cf, 'utf8'), relative(ROOT, cf));
      for (const c of suite.cases) cases.push({ id: c.id, asOf: c.asOf, input: c.input, ...(c.parameters ? { parameters: c.parameters } : {}) });
    }
    policies.push({ name, dir, files, cases });
  }
  return (cached = policies);
}

/** Parents by name, unmutated: a mutant is always one policy's files over the real chain. */
export function corpusResolver(): PolicyResolver {
  const byName = new Map(corpus().map((p) => [p.name, p.files]));
  return (name) => byName.get(name);
}

export function policyNamed(name: string): CorpusPolicy {
  const p = corpus().find((x) => x.name === name);
  if (!p) throw new Error(`no corpus policy named ${name}`);
  return p;
}

/** The corpus's own files parsed once and kept for the whole run: compiler/parseCache.ts keys
 * its entries by path, so a mutant of a file evicts the original, and the next policy that has
 * it as a parent would parse it again. Parents are never mutated, so their parses are reused
 * as they are; only a mutated file is parsed. */
export function pinCorpusParses(): void {
  const pinned = new Map<string, { text: string; parsed: ReturnType<typeof parseFile> }>();
  setParseStore({
    get(file) {
      const hit = pinned.get(file.path);
      return hit && hit.text === file.text ? hit.parsed : undefined;
    },
    set(file, parsed) {
      const own = byPath().get(file.path);
      if (own === file.text && !pinned.has(file.path)) pinned.set(file.path, { text: file.text, parsed });
    },
  });
}

let paths: Map<string, string> | undefined;
function byPath(): Map<string, string> {
  return (paths ??= new Map(corpus().flatMap((p) => p.files.map((f) => [f.path, f.text] as [string, string]))));
}
