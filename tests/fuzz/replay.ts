// Replays mutants of the long run: `tsx tests/fuzz/replay.ts --seed s --n n [n …]` prints each
// one's stage, time and findings (run.ts names this command for a hang).
import { pinCorpusParses } from './corpus.ts';
import { mutantJob } from './generate.ts';
import { runPipeline } from './policyFuzz.ts';

const argv = process.argv.slice(2);
const seedAt = argv.indexOf('--seed');
const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 1;
const nAt = argv.indexOf('--n');
pinCorpusParses();
for (const a of argv.slice(nAt + 1)) {
  if (a.startsWith('--')) break;
  const n = Number(a);
  const job = mutantJob(seed, n);
  const res = runPipeline(job.mutant.files, job.cases, job.r);
  console.log(`n=${n} ${job.policy.name} ${job.mutant.edited} ${job.mutant.ops.join('+')}: ${res.stage}, ${res.ms.toFixed(0)} ms`);
  for (const f of res.findings) console.log(`  ${f.kind}: ${f.detail.split('\n')[0]}`);
}
