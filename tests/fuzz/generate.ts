// Mutant number n of a run with seed s is a pure function of (s, n): a finding of the long run
// is replayed, minimised and kept from those two numbers alone.
import { corpus, type CorpusPolicy, type SampleCase } from './corpus.ts';
import { mutatePolicy, type Mutant } from './mutate.ts';
import { rng, type Rng } from './rng.ts';

export interface MutantJob {
  seed: number;
  n: number;
  policy: CorpusPolicy;
  mutant: Mutant;
  cases: SampleCase[];
  /** drives the per-case choices (engine, explain) of runPipeline */
  r: Rng;
}

export function mutantJob(seed: number, n: number): MutantJob {
  const r = rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);
  const ps = corpus();
  const all = ps.flatMap((p) => p.files);
  const policy = r.pick(ps);
  const mutant = mutatePolicy(policy.files, r, [r.pick(all), r.pick(all)]);
  const cases = policy.cases.length ? [r.pick(policy.cases), ...(r.chance(0.2) ? [r.pick(policy.cases)] : [])] : [];
  return { seed, n, policy, mutant, cases, r };
}
