// The long run's worker process: policy mutants n = first, first + step, … and, after each, a
// batch of generated cases on one loaded corpus policy. Posts 'start' before every mutant so the
// main thread can tell a hang (and terminate this worker) from slow progress.
import fc from 'fast-check';
import { compilePolicy, loadPolicy } from '../../compiler/index.ts';
import type { LoadedPolicy } from '../../runtime/outcome.ts';
import { caseArb, type GeneratedCase } from './caseArb.ts';
import { checkCase } from './caseFuzz.ts';
import { corpus, corpusResolver, pinCorpusParses, type CorpusPolicy } from './corpus.ts';
import { mutantJob } from './generate.ts';
import { runPipeline } from './policyFuzz.ts';

export interface WorkerData {
  seed: number;
  first: number;
  step: number;
  /** the first mutant number past this worker's range (a shard's end); null: no end */
  end: number | null;
  casesPerMutant: number;
}
export type WorkerMessage =
  | { type: 'start'; n: number }
  | { type: 'done' }
  | { type: 'mutant'; n: number; ms: number; stage: string; cases: number; findings: { kind: string; detail: string }[]; policy: string; ops: string[] }
  | { type: 'cases'; count: number; ms: number; slowest: number; findings: { kind: string; detail: string; policy: string; sample: string }[] };

// a child process (fork) rather than a worker thread: tsx's loader does not reach worker threads
const { seed, first, step, end, casesPerMutant } = JSON.parse(process.argv[2]!) as WorkerData;
const post = (m: WorkerMessage) => process.send!(m);

pinCorpusParses();
const loaded: { p: CorpusPolicy; policy: LoadedPolicy; arb: fc.Arbitrary<GeneratedCase> }[] = [];
for (const p of corpus()) {
  const r = compilePolicy({ files: p.files, resolve: corpusResolver() });
  if (!r.ir) continue;
  const policy = loadPolicy(r.ir);
  loaded.push({ p, policy, arb: caseArb({ schema: policy.inputSchema, samples: p.cases }) });
}

function describe(c: GeneratedCase): string {
  try {
    return JSON.stringify({ input: c.input, asOf: c.asOf, parameters: c.parameters }).slice(0, 4000);
  } catch {
    return '(too deep to serialise)';
  }
}

for (let n = first; end === null || n < end; n += step) {
  post({ type: 'start', n });
  const job = mutantJob(seed, n);
  const res = runPipeline(job.mutant.files, job.cases, job.r);
  post({ type: 'mutant', n, ms: res.ms, stage: res.stage, cases: res.cases, findings: res.findings, policy: job.policy.name, ops: job.mutant.ops });
  if (casesPerMutant > 0 && loaded.length) {
    const target = loaded[n % loaded.length]!;
    const t0 = performance.now();
    let slowest = 0;
    const findings: { kind: string; detail: string; policy: string; sample: string }[] = [];
    const engines = ['auto', 'decimal', 'verify'] as const;
    let i = 0;
    for (const c of fc.sample(target.arb, { numRuns: casesPerMutant, seed: (seed ^ Math.imul(n + 1, 0x27d4eb2d)) >>> 0 })) {
      const s = performance.now();
      for (const f of checkCase(target.policy, c, engines[i++ % 3]!)) findings.push({ ...f, policy: target.p.name, sample: findings.length < 5 ? describe(c) : '' });
      slowest = Math.max(slowest, performance.now() - s);
    }
    post({ type: 'cases', count: casesPerMutant, ms: performance.now() - t0, slowest, findings });
  }
}
// the range is done: say so, then let the channel close so the process ends
process.send!({ type: 'done' } satisfies WorkerMessage, () => process.disconnect?.());
