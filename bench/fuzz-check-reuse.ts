// The policy-mutation fuzzer's per-mutant pipeline (tests/fuzz/policyFuzz.ts: compile → load →
// sample cases) with and without the memoised declaration builds (compiler/buildCache.ts), in
// alternating blocks of the same mutants in one process: the ratio is the figure.
//   npx tsx bench/fuzz-check-reuse.ts [mutants per block] [blocks] [seed]
import { loadavg } from 'node:os';
import { setBuildCache } from '../compiler/buildCache.ts';
import { pinCorpusParses } from '../tests/fuzz/corpus.ts';
import { mutantJob } from '../tests/fuzz/generate.ts';
import { runPipeline } from '../tests/fuzz/policyFuzz.ts';

const PER = Number(process.argv[2] ?? 100);
const BLOCKS = Number(process.argv[3] ?? 6);
const SEED = Number(process.argv[4] ?? 1);

pinCorpusParses(); // as the long run's workers do
const ms = { off: 0, on: 0 };
const count = { off: 0, on: 0 };
for (let b = 0; b < BLOCKS; b++) {
  // each block of mutants runs twice, once per mode, in alternating order
  const jobs = Array.from({ length: PER }, (_, k) => b * PER + k);
  const modes = b % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const);
  for (const mode of modes) {
    setBuildCache(mode === 'on');
    if (mode === 'on') for (const n of jobs.slice(0, 5)) runPipeline(mutantJob(SEED, n).mutant.files, []); // warm the memo
    const t0 = performance.now();
    for (const n of jobs) {
      const job = mutantJob(SEED, n);
      runPipeline(job.mutant.files, job.cases, job.r);
    }
    ms[mode] += performance.now() - t0;
    count[mode] += jobs.length;
  }
}
setBuildCache(true);
const rate = (m: 'on' | 'off') => (count[m] / ms[m]) * 1000;
console.log(`fuzz pipeline, ${BLOCKS} blocks × ${PER} mutants (seed ${SEED}), sample cases included, no generated cases`);
console.log(`memo off: ${rate('off').toFixed(1)} mutants/s   memo on: ${rate('on').toFixed(1)} mutants/s   ratio ${(rate('on') / rate('off')).toFixed(2)}×`);
console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
