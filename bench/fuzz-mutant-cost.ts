// The fuzzer's per-mutant cost (tests/fuzz/policyFuzz.ts: compile → load → sample cases, then one
// generated case as `npm run fuzz -- --cases 1` does) before and after the per-mutant caches of
// issue 11: the incremental parse (dsl/incremental.ts), and the loaded policies kept by IR
// (compiler/loadCache.ts) with the input validators kept by schema (runtime/validate.ts). Modes
// run in alternating blocks of the same mutants in one process, so the ratios are the figures;
// wall and CPU time per mode.
//   npx tsx bench/fuzz-mutant-cost.ts [mutants per block] [blocks] [seed]
import { loadavg } from 'node:os';
import fc from 'fast-check';
import { clearBuildCache, clearParseCache, compilePolicy, loadPolicy, setLoadCache } from '../compiler/index.ts';
import { setIncrementalParse } from '../compiler/parseCache.ts';
import { setValidatorCache } from '../runtime/validate.ts';
import { caseArb } from '../tests/fuzz/caseArb.ts';
import { checkCase } from '../tests/fuzz/caseFuzz.ts';
import { corpus, corpusResolver, pinCorpusParses } from '../tests/fuzz/corpus.ts';
import { mutantJob } from '../tests/fuzz/generate.ts';
import { runPipeline } from '../tests/fuzz/policyFuzz.ts';

const PER = Number(process.argv[2] ?? 100);
const BLOCKS = Number(process.argv[3] ?? 6);
const SEED = Number(process.argv[4] ?? 1);

const MODES = {
  before: { parse: false, load: false },
  parse: { parse: true, load: false },
  load: { parse: false, load: true },
  after: { parse: true, load: true },
} as const;
type Mode = keyof typeof MODES;

pinCorpusParses(); // as the long run's workers do, which then compile and load the corpus
const targets = corpus().flatMap((p) => {
  const r = compilePolicy({ files: p.files, resolve: corpusResolver() });
  if (!r.ir) return [];
  const policy = loadPolicy(r.ir);
  return [{ policy, arb: caseArb({ schema: policy.inputSchema, samples: p.cases }) }];
});

// Every mode starts a block as a fresh worker does (no mode may find the parses or builds of a
// block's mutants that the mode before it left): caches cleared, the corpus pinned, compiled
// and, with the load cache, loaded. Outside the timed part.
function setMode(m: Mode): void {
  setIncrementalParse(MODES[m].parse);
  setLoadCache(MODES[m].load);
  setValidatorCache(MODES[m].load);
  clearParseCache();
  clearBuildCache();
  pinCorpusParses();
  for (const p of corpus()) {
    const ir = compilePolicy({ files: p.files, resolve: corpusResolver() }).ir;
    if (ir && MODES[m].load) loadPolicy(ir);
  }
}

const stats = Object.fromEntries(Object.keys(MODES).map((m) => [m, { ms: 0, cpu: 0, n: 0 }])) as Record<Mode, { ms: number; cpu: number; n: number }>;
// a subset, e.g. `load,after`, as the fifth argument
const order = (process.argv[5]?.split(',') ?? Object.keys(MODES)) as Mode[];
for (let b = 0; b < BLOCKS; b++) {
  const jobs = Array.from({ length: PER }, (_, k) => b * PER + k);
  const modes = b % 2 ? [...order].reverse() : order;
  for (const mode of modes) {
    setMode(mode);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const n of jobs) {
      const job = mutantJob(SEED, n);
      runPipeline(job.mutant.files, job.cases, job.r);
      const t = targets[n % targets.length]!;
      for (const c of fc.sample(t.arb, { numRuns: 1, seed: (SEED ^ Math.imul(n + 1, 0x27d4eb2d)) >>> 0 })) checkCase(t.policy, c, 'auto');
    }
    const cpu = process.cpuUsage(c0);
    stats[mode].ms += performance.now() - t0;
    stats[mode].cpu += (cpu.user + cpu.system) / 1000;
    stats[mode].n += jobs.length;
  }
}
setMode('after');
console.log(`fuzz mutants, ${BLOCKS} blocks × ${PER} (seed ${SEED}), sample cases and one generated case each`);
for (const m of order) {
  const s = stats[m];
  if (!s.n) continue;
  const wall = s.ms / s.n;
  const cpu = s.cpu / s.n;
  console.log(
    `${m.padEnd(7)} ${wall.toFixed(2)} ms wall, ${cpu.toFixed(2)} ms CPU per mutant (${(1000 / wall).toFixed(1)}/s)` +
      `   ratio vs ${order[0]}: wall ${(stats[order[0]!].ms / s.ms).toFixed(2)}×, CPU ${(stats[order[0]!].cpu / s.cpu).toFixed(2)}×`,
  );
}
console.log(`load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
