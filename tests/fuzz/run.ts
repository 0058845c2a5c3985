// The long fuzz run: `npm run fuzz -- --minutes 10 [--seed 1] [--workers 1] [--cases 300]`, or one
// shard of a long run: `--from N --count K` runs mutants N .. N + K − 1 to the end (no time limit
// unless --minutes is given) and writes artifacts/fuzz/shard-s<seed>-<N>.json; mergeReports.ts
// adds shards up. Mutant n of seed s depends only on (s, n) (generate.ts), so shards run on any
// machine, in any order, and add up to the run that did them all.
// Worker processes (worker.ts) mutate the policy corpus and generate cases; this process counts,
// times, and kills a worker whose input runs past KILL_MS (a hang; the mutant is replayed from
// its seed and number). Prints counts, throughput, the slowest input and every finding kind;
// writes the report (--out, default artifacts/fuzz/report.json). Exit code 1 when a finding is
// not a known one (known.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ROOT } from './corpus.ts';
import { knownReason } from './known.ts';
import type { WorkerData, WorkerMessage } from './worker.ts';
import { STAGES, type Stage } from './policyFuzz.ts';
import { summaryLines, type FuzzReport, type Kind } from './report.ts';

const KILL_MS = 20_000;
// a fresh worker first loads tsx and compiles the whole corpus: on a loaded machine (2 cores,
// load 10) that took over 20 s and was recorded as a hang of mutant n before it had started
const STARTUP_MS = 180_000;

const given = (name: string) => process.argv.includes(`--${name}`);
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}
const from = arg('from', 0);
const count = given('count') ? arg('count', 0) : null;
const end = count === null ? null : from + count;
const minutes = arg('minutes', count === null ? 1 : Infinity);
const seed = arg('seed', 1);
const workers = arg('workers', 1);
const casesPerMutant = arg('cases', 300);
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1]! : given('from') || count !== null ? `shard-s${seed}-${from}.json` : 'report.json';

const kinds = new Map<string, Kind>();
const totals = { mutants: 0, skipped: 0, cases: 0, evaluatedMutants: 0, loadedMutants: 0, sampleCaseRuns: 0, mutantMs: 0, caseMs: 0 };
let slowest = { ms: 0, n: -1, policy: '', ops: [] as string[] };
let slowestCase = 0;
/** how far each mutant got, and the time spent on mutants that stopped there */
const stages = Object.fromEntries(STAGES.map((st) => [st, { count: 0, ms: 0 }])) as Record<Stage, { count: number; ms: number }>;
/** the machine's 1-minute load average, sampled every 30 s (2 cores shared with other work) */
const loads: number[] = [];

function record(kind: string, ex: Kind['examples'][number]): void {
  let k = kinds.get(kind);
  if (!k) {
    const known = knownReason(kind);
    kinds.set(kind, (k = { count: 0, ...(known ? { known } : {}), examples: [] }));
    console.log(`  new finding ${kind}${known ? ' (known)' : ''}: ${ex.policy ?? ''} n=${ex.n ?? '-'} ${ex.detail.split('\n')[0]!.slice(0, 160)}`);
  }
  k.count++;
  if (k.examples.length < 3) k.examples.push(ex);
}

const started = Date.now();
const deadline = started + minutes * 60_000;
const running: { w: ChildProcess; n: number; since: number; started: boolean; done: boolean }[] = [];

function spawn(slot: number, first: number): void {
  if (end !== null && first >= end) {
    // the mutant skipped after a hang or crash was this slot's last
    running[slot] = { ...running[slot]!, done: true };
    if (running.every((s) => s.done)) finish();
    return;
  }
  const data: WorkerData = { seed, first, step: workers, end, casesPerMutant };
  const w = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [JSON.stringify(data)], { execArgv: ['--import', 'tsx'] });
  const state = { w, n: first, since: Date.now(), started: false, done: false };
  running[slot] = state;
  w.on('message', (m: WorkerMessage) => {
    if (m.type === 'done') {
      state.done = true;
      if (running.every((s) => s.done)) finish();
    } else if (m.type === 'start') {
      state.started = true;
      state.n = m.n;
      state.since = Date.now();
    } else if (m.type === 'mutant') {
      totals.mutants++;
      totals.mutantMs += m.ms;
      totals.sampleCaseRuns += m.cases;
      const st = stages[m.stage as Stage];
      st.count++;
      st.ms += m.ms;
      if (m.stage === 'loaded' || m.stage === 'evaluated') totals.loadedMutants++;
      if (m.stage === 'evaluated') totals.evaluatedMutants++;
      if (m.ms > slowest.ms) slowest = { ms: m.ms, n: m.n, policy: m.policy, ops: m.ops };
      for (const f of m.findings) record(f.kind, { seed, n: m.n, policy: m.policy, ops: m.ops, detail: f.detail });
    } else {
      totals.cases += m.count;
      totals.caseMs += m.ms;
      slowestCase = Math.max(slowestCase, m.slowest);
      for (const f of m.findings) record(f.kind, { seed, policy: f.policy, detail: f.detail, ...(f.sample ? { sample: f.sample } : {}) });
    }
  });
  w.on('exit', (code, signal) => {
    if (state.done || state.w !== running[slot]?.w || signal === 'SIGKILL') return; // done, replaced after a hang, or finished
    record(`worker-crash-exit-${code ?? signal}`, { seed, n: state.n, detail: `worker exited (${code ?? signal}) on mutant ${state.n}` });
    totals.skipped++;
    if (Date.now() < deadline && totals.mutants > 0) spawn(slot, state.n + workers);
  });
}

for (let i = 0; i < workers; i++) spawn(i, from + i);

const progress = setInterval(() => {
  const now = Date.now();
  for (let i = 0; i < running.length; i++) {
    const s = running[i]!;
    if (s.done) continue;
    if (now - s.since > (s.started ? KILL_MS : STARTUP_MS)) {
      record('hang', { seed, n: s.n, detail: `no result after ${KILL_MS} ms (replay: tests/fuzz/replay.ts --seed ${seed} --n ${s.n})` });
      totals.skipped++;
      s.w.kill('SIGKILL');
      spawn(i, s.n + workers);
    }
  }
  if (now >= deadline) finish();
}, 500);

let lastLine = 0;
setInterval(() => {
  if (Date.now() - lastLine < 30_000) return;
  lastLine = Date.now();
  loads.push(+loadavg()[0]!.toFixed(2));
  const s = (Date.now() - started) / 1000;
  console.log(`[${s.toFixed(0)} s] mutants ${totals.mutants} (${(totals.mutants / s).toFixed(1)}/s), cases ${totals.cases} (${(totals.cases / s).toFixed(0)}/s), finding kinds ${kinds.size}`);
}, 1000).unref();

let finished = false;
function finish(): void {
  if (finished) return;
  finished = true;
  clearInterval(progress);
  for (const s of running) if (!s.done) s.w.kill('SIGKILL');
  const seconds = (Date.now() - started) / 1000;
  if (!loads.length) loads.push(+loadavg()[0]!.toFixed(2)); // a run shorter than one sample
  const report: FuzzReport = {
    seed,
    workers,
    range: { from, count },
    complete: count !== null && totals.mutants + totals.skipped === count,
    seconds: Math.round(seconds),
    mutants: totals.mutants,
    skipped: totals.skipped,
    mutantsPerSecond: +(totals.mutants / seconds).toFixed(2),
    stages: Object.fromEntries(STAGES.map((st) => [st, { count: stages[st].count, msPerMutant: +(stages[st].ms / Math.max(1, stages[st].count)).toFixed(1) }])) as FuzzReport['stages'],
    mutantsLoaded: totals.loadedMutants,
    mutantsEvaluated: totals.evaluatedMutants,
    sampleCaseRuns: totals.sampleCaseRuns,
    cases: totals.cases,
    casesPerSecond: Math.round(totals.cases / seconds),
    slowestMutant: { ms: Math.round(slowest.ms), seed, n: slowest.n, policy: slowest.policy, ops: slowest.ops },
    caseSeconds: Math.round(totals.caseMs / 1000),
    mutantSeconds: Math.round(totals.mutantMs / 1000),
    slowestCaseMs: Math.round(slowestCase),
    loadAverage: loads.length ? { min: Math.min(...loads), max: Math.max(...loads), mean: +(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2) } : null,
    findings: Object.fromEntries(kinds),
  };
  const dir = join(ROOT, 'artifacts', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, out);
  writeFileSync(file, JSON.stringify(report, null, 2));
  const { lines, unknown } = summaryLines(report);
  console.log(`\n${lines.join('\n')}\nreport: ${file}`);
  process.exit(unknown ? 1 : 0);
}
