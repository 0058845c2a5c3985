// Automatic minimisation of a policy-mutation finding: `tsx tests/fuzz/minimise.ts --seed s --n n
// [--kind k]`. Replays mutant n of seed s (generate.ts), then delta-debugs the edited file — first
// whole declarations, then runs of tokens, halving the chunk size (ddmin) — keeping a removal only
// while the oracle still reports the same finding kind. Writes the result as a regression fixture
// (tests/fuzz/regressions/<kind>-s<seed>-n<n>.json) for regressions.test.ts to replay.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../../dsl/ast.ts';
import { ROOT, pinCorpusParses } from './corpus.ts';
import { mutantJob } from './generate.ts';
import { lexed } from './mutate.ts';
import { runPipeline } from './policyFuzz.ts';

/** Remove chunks of `units` (each a [start, end) span of `text`) while `keeps` holds. */
export function ddmin(text: string, units: [number, number][], keeps: (t: string) => boolean, budget: { tests: number }): string {
  let kept = units.slice();
  let size = Math.max(1, Math.ceil(kept.length / 2));
  const build = (us: [number, number][], drop: Set<number>) => {
    let out = '';
    let at = 0;
    us.forEach(([s, e], i) => {
      if (!drop.has(i)) return;
      out += text.slice(at, s);
      at = e;
    });
    return out + text.slice(at);
  };
  let cur = text;
  while (size >= 1 && budget.tests > 0) {
    let progress = false;
    for (let i = 0; i < kept.length && budget.tests > 0; i += size) {
      const drop = new Set<number>();
      for (let j = i; j < Math.min(kept.length, i + size); j++) drop.add(j);
      const candidate = build(kept, drop);
      budget.tests--;
      if (keeps(candidate)) {
        // re-anchor the remaining units on the shorter text
        const removed = kept.slice(i, i + size);
        const shift = (o: number) => o - removed.filter(([, e]) => e <= o).reduce((a, [s, e]) => a + (e - s), 0);
        kept = kept.filter((_, j) => !drop.has(j)).map(([s, e]): [number, number] => [shift(s), shift(e)]);
        text = cur = candidate;
        progress = true;
        i -= size;
      }
    }
    if (!progress) size = Math.floor(size / 2);
  }
  return cur;
}

/** Drop whole files other than `k` (a policy's other files) while `fires` holds. */
export function dropFiles(files: SourceFile[], k: number, fires: (fs: SourceFile[]) => boolean): SourceFile[] {
  let cur = files;
  for (let i = cur.length - 1; i >= 0; i--) {
    if (cur[i]!.path === files[k]!.path || cur.length === 1) continue;
    const candidate = cur.filter((_, j) => j !== i);
    if (fires(candidate)) cur = candidate;
  }
  return cur;
}

/** Smallest text of `files[k]` for which `fires` still holds (declarations, then tokens). */
export function minimiseFile(files: SourceFile[], k: number, fires: (fs: SourceFile[]) => boolean, tests = 2000): SourceFile[] {
  const withText = (t: string) => files.map((f, i) => (i === k ? { path: f.path, text: t } : f));
  const keeps = (t: string) => fires(withText(t));
  const budget = { tests };
  let text = files[k]!.text;
  text = ddmin(text, lexed({ path: files[k]!.path, text }).decls, keeps, budget);
  const tokens = lexed({ path: files[k]!.path, text }).tokens.map((t): [number, number] => [t.startOffset, t.endOffset! + 1]);
  text = ddmin(text, tokens, keeps, budget);
  // comments and blank lines are not tokens: a last pass over lines drops what is left of them
  const lines: [number, number][] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const e = nl === -1 ? text.length : nl + 1;
    lines.push([at, e]);
    at = e;
  }
  text = ddmin(text, lines, keeps, budget);
  return withText(text);
}

function main(): void {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const seed = Number(arg('seed') ?? 1);
  const n = Number(arg('n'));
  if (!Number.isInteger(n)) throw new Error('--n <mutant number> is required');
  pinCorpusParses();
  const job = mutantJob(seed, n);
  const first = runPipeline(job.mutant.files, job.cases, mutantJob(seed, n).r);
  const kind = arg('kind') ?? first.findings[0]?.kind;
  if (!kind) {
    console.log(`mutant ${n} of seed ${seed} gives no finding`);
    return;
  }
  // sample cases and engine choices are replayed as in the run, from a fresh rng each time
  const fires = (fs: SourceFile[]) => runPipeline(fs, job.cases, mutantJob(seed, n).r).findings.some((f) => f.kind === kind);
  if (!fires(job.mutant.files)) throw new Error(`${kind} does not reproduce on mutant ${n}`);
  const k = job.mutant.files.findIndex((f) => f.path === job.mutant.edited);
  const before = job.mutant.files[k]!.text.length;
  const fewer = dropFiles(job.mutant.files, k, fires);
  const files = minimiseFile(fewer, fewer.findIndex((f) => f.path === job.mutant.edited), fires);
  const kk = files.findIndex((f) => f.path === job.mutant.edited);
  const out = join(ROOT, 'tests/fuzz/regressions', `${kind}-s${seed}-n${n}.json`);
  const fixture = {
    kind: 'policy',
    finding: kind,
    note: `${kind}: mutant ${n} of seed ${seed} (${job.policy.name}, ${job.mutant.ops.join('+')}), ${files.length} of ${job.mutant.files.length} files kept, the edited one minimised ${before} → ${files[kk]!.text.length} characters`,
    files: files.map((f) => ({ path: f.path, text: f.text })),
  };
  writeFileSync(out, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`${kind}: ${files.length} file(s), ${before} → ${files[kk]!.text.length} characters; wrote ${out}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
