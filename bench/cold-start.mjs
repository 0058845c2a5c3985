// Cold start of the built CLI (and of loading the runtime): whole processes, each beside plain
// Node in the same run.
//
//   npm run build && npm run bench:cold-start            # node bench/cold-start.mjs [--runs 5]
//
// Each command runs as a fresh `node` process (no tsx), alternating with the baselines
// `node -e 0` (Node's own start) and `node -e "require('decimal.js')"` (Node plus the one
// dependency every evaluation needs), after one warm-up run each; wall time of each run,
// median / min / max over --runs, and the ratio to `node -e 0` taken run by run (so a machine
// that speeds up or slows down mid-run moves both). Two cache states:
//   warm   the usual case: the CLI's cache folder holds what an earlier run of the same command
//          left (V8 code of the bundle, parse results, generated code) — filled by the warm-up;
//   empty  a fresh cache folder for every run (the first command after installing).
// XIZE_CACHE_DIR points at a temporary folder, so the user's cache is neither read nor touched.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist/cli/xize.cjs');
if (!existsSync(bin)) {
  console.error('dist/cli/xize.cjs is missing: run `npm run build` first');
  process.exit(2);
}
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs takes a whole number ≥ 1');
  process.exit(2);
}

const caseFile = 'provinces/national/cases/benefits-disability.cases.yaml';
const COMMANDS = [
  { name: 'xize --version', args: [bin, '--version'] },
  { name: 'xize check provinces/national', args: [bin, 'check', 'provinces/national'] },
  { name: `xize run provinces/national --case ${caseFile} --id dis-grade5-floor`, args: [bin, 'run', 'provinces/national', '--case', caseFile, '--id', 'dis-grade5-floor'] },
  // what an embedder's process pays to load the runtime (docs/embedding.md §6)
  { name: `node -e "require('xize/runtime')"` + ' (dist/cjs)', args: ['-e', "require('./dist/cjs/runtime.cjs')"] },
  { name: `node --input-type=module -e "import 'xize/runtime'"` + ' (dist/esm)', args: ['--input-type=module', '-e', "import './dist/esm/runtime.js'"] },
];
const BASELINES = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: `node -e "require('decimal.js')"`, args: ['-e', "require('decimal.js')"] },
];

const scratch = mkdtempSync(join(tmpdir(), 'xize-cold-start-'));
let fresh = 0;

/** Wall milliseconds of one process; its exit status must be what the command means (0). */
function time(args, cacheDir) {
  const env = { ...process.env, NO_COLOR: '1', XIZE_CACHE_DIR: cacheDir };
  delete env.XIZE_CACHE;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}\n${r.stdout}${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const rows = [];
try {
  const warmDir = join(scratch, 'warm');
  const base = BASELINES.map(() => []);
  for (const b of BASELINES) time(b.args, warmDir);
  for (const c of COMMANDS) {
    time(c.args, warmDir); // warm-up: fills the cache folder
    const warm = [];
    const empty = [];
    const ratio = [];
    for (let i = 0; i < RUNS; i++) {
      const b0 = time(BASELINES[0].args, warmDir);
      base[0].push(b0);
      base[1].push(time(BASELINES[1].args, warmDir));
      const w = time(c.args, warmDir);
      warm.push(w);
      ratio.push(w / b0);
      empty.push(time(c.args, join(scratch, `empty-${fresh++}`)));
    }
    rows.push({ name: c.name, warm, empty, ratio });
  }
  console.log(`Node ${process.version}, ${RUNS} runs each after a warm-up; wall ms, median (min–max)\n`);
  console.log('| command | warm cache | ratio to `node -e 0` | empty cache |');
  console.log('|---|---|---|---|');
  for (const b of BASELINES.map((b, i) => ({ name: b.name, xs: base[i] }))) console.log(`| \`${b.name}\` (baseline) | ${fmt(b.xs)} | | |`);
  for (const r of rows) console.log(`| \`${r.name}\` | ${fmt(r.warm)} | ${median(r.ratio).toFixed(2)}× | ${fmt(r.empty)} |`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
