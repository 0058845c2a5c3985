// A check that reuses memoised declaration builds (compiler/buildCache.ts: an unchanged parent
// declaration is not re-checked while what it looked up is unchanged) must give exactly what a
// cold check gives: the same diagnostics in the same order, the same IR. Run over every corpus
// policy (each province and city over 全国, and the CLI fixtures) as it is, after a one-character
// edit of its last file (the playground's keystroke), and under many fuzz mutants of its own
// files, interleaved so one parent declaration is reused under different children; then the
// whole sequence again in reverse.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../compiler/index.ts';
import { clearBuildCache, setBuildCache } from '../../compiler/buildCache.ts';
import type { SourceFile } from '../../dsl/ast.ts';
import { corpus, corpusResolver } from '../fuzz/corpus.ts';
import { mutantJob } from '../fuzz/generate.ts';
import { mutatePolicy } from '../fuzz/mutate.ts';
import { rng } from '../fuzz/rng.ts';

function compile(files: SourceFile[]): string {
  const own = new Map(files.map((f) => [f.path, f]));
  const base = corpusResolver();
  const r = compilePolicy({ files, resolve: (name) => base(name)?.map((f) => own.get(f.path) ?? f) });
  return JSON.stringify({ diagnostics: r.diagnostics, ir: r.ir ?? null });
}

function inputs(): SourceFile[][] {
  const ps = corpus();
  const donors = ps.flatMap((p) => p.files);
  const rounds: SourceFile[][][] = ps.map((p, i) => {
    const last = p.files.length - 1;
    const edited = p.files.map((f, j) => (j === last ? { ...f, text: f.text + ' ' } : f));
    const mutants = Array.from({ length: 12 }, (_, k) => {
      const r = rng(1000 * i + k + 1);
      return mutatePolicy(p.files, r, [r.pick(donors), r.pick(donors)]).files;
    });
    return [p.files, edited, ...mutants];
  });
  const out: SourceFile[][] = [];
  for (let k = 0; k < 14; k++) for (const r of rounds) out.push(r[k]!);
  for (let n = 0; n < 40; n++) out.push(mutantJob(11, n).mutant.files);
  return out;
}

describe('build cache: warm check = cold check', () => {
  it('over every corpus policy, its one-character edit and its mutants, forwards and back', () => {
    const seq = inputs();
    const order = [...seq, ...seq.slice().reverse()];
    setBuildCache(true);
    clearBuildCache();
    const warm = order.map(compile);
    setBuildCache(false);
    let same = 0;
    order.forEach((files, i) => {
      const cold = compile(files);
      if (cold === warm[i]) same++;
      else expect(warm[i]).toEqual(cold);
    });
    setBuildCache(true);
    expect(corpus().length).toBeGreaterThanOrEqual(8);
    expect(same).toBe(order.length);
  }, 240_000);
});
