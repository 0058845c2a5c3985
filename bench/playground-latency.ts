// Playground latency: after a one-character edit, how long until the outcomes are fresh?
// Runs the playground's own engine (playground/src/engine.ts = what the Web Worker runs:
// compilePolicy + loadPolicy + evaluate the selected case, edited and as loaded, + the Changes
// panel's diffPolicies(as loaded, edited)) for the
// national baseline and each province under provinces/, many iterations, and reports
// median/p95 in ms (target < 25 ms, issue 9) and the ratio to just parsing the same files.
// Iterations alternate in blocks of 10 between the memoised declaration builds on (the
// playground's setting) and off (compiler/buildCache.ts: every keystroke re-checks the whole
// chain, and no unchanged IR object is shared with the previous compile): `memo off` and `×`
// compare the two in the same run. The first 2 iterations of each block are not counted.
//   npx tsx bench/playground-latency.ts [iterations] [folder, e.g. provinces/shenzhen]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFile } from '../dsl/index.ts';
import type { SourceFile } from '../dsl/ast.ts';
import { run } from '../playground/src/engine.ts';
import { chainOf, groupFolders } from '../playground/src/policyset.ts';
import { loadSuites } from '../playground/src/cases.ts';
import { setBuildCache } from '../compiler/buildCache.ts';
import { setLoadCache } from '../compiler/loadCache.ts';

const repo = resolve(import.meta.dirname, '..');
const N = Number(process.argv[2] ?? 60);
const ONLY = process.argv[3]?.startsWith('--') ? undefined : process.argv[3];
// The edit below (a trailing space) leaves the IR as it was, so compiler/loadCache.ts hands back
// the loaded policy without generating code: --no-load-cache times the keystroke that changes a
// value (every compile generates and loads the module, as an edited figure makes it)
const NO_LOAD_CACHE = process.argv.includes('--no-load-cache');
if (NO_LOAD_CACHE) setLoadCache(false);
const BLOCK = 10;
const SKIP = 2;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const all = walk(join(repo, 'provinces'));
const read = (suffix: string) =>
  Object.fromEntries(all.filter((p) => p.endsWith(suffix)).map((p) => [relative(repo, p), readFileSync(p, 'utf8')]));
const folders = groupFolders(read('.xize'), read('.cases.yaml'));
if (folders.length === 0) {
  console.log('no policies under provinces/ yet');
  process.exit(0);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), min: s[0] };
};
const ms = (x: number) => x.toFixed(2).padStart(8);


console.log(`playground latency: one-character edit -> recompile + re-evaluate (${N} counted iterations per mode, blocks of ${BLOCK}, ${SKIP} warm-up each${NO_LOAD_CACHE ? '; load cache off: every compile generates code' : ''})\n`);
console.log('policy'.padEnd(24), '  files', '  parse med', '   full med', '   full p95', '    cpu med', ' (compile', '  evaluate', '      diff)', '  ratio', '   memo off', '      ×', ' target');
let worstP95 = 0;
for (const f of folders.filter((x) => !ONLY || x.folder === ONLY)) {
  const files: SourceFile[] = Object.entries(read('.xize')).map(([path, text]) => ({ path, text }));
  const own = chainOf(folders, f).flatMap((x) => x.files.map((y) => y.path));
  const editPath = f.files[f.files.length - 1].path;
  const golden = loadSuites(f.suites).cases[0];
  const kase = golden ? { input: golden.input, asOf: golden.asOf, parameters: golden.parameters ?? {} } : null;
  const parse: number[] = [];
  const full: number[] = [];
  const comp: number[] = [];
  const evalu: number[] = [];
  const dif: number[] = [];
  const off: number[] = [];
  const cpu: number[] = [];
  let seq = 0;
  run({ seq: seq++, folder: f.folder, files, originalFiles: files, case: kase }); // compile the as-loaded policy once
  const perBlock = BLOCK - SKIP;
  const blocks = 2 * Math.ceil(N / perBlock);
  for (let i = 0; i < blocks * BLOCK; i++) {
    const memo = Math.floor(i / BLOCK) % 2 === 0;
    if (i % BLOCK === 0) setBuildCache(memo);
    const counted = i % BLOCK >= SKIP;
    // one-character edit: append / remove a trailing space in the policy's last file
    const edited = files.map((x) => (x.path === editPath ? { ...x, text: x.text + (i % 2 ? '' : ' ') + ' ' } : x));
    const mine = edited.filter((x) => own.includes(x.path));
    const t0 = performance.now();
    for (const file of mine) parseFile(file);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const r = run({ seq: seq++, folder: f.folder, files: edited, case: kase, golden });
    const t2 = performance.now();
    const c2 = process.cpuUsage(c1);
    if (i === 0 && (r.failure || !r.ok)) console.log(`  (${f.name}: ${r.failure ?? r.diagnostics.filter((d) => d.severity === 'error').length + ' errors'})`);
    if (!counted) continue;
    if (!memo) {
      off.push(t2 - t1);
      continue;
    }
    parse.push(t1 - t0);
    full.push(t2 - t1);
    cpu.push((c2.user + c2.system) / 1000);
    comp.push(r.ms.compile);
    evalu.push(r.ms.evaluate);
    dif.push(r.ms.diff);
  }
  setBuildCache(true);
  const p = stats(parse);
  const q = stats(full);
  worstP95 = Math.max(worstP95, q.p95);
  console.log(
    `${f.name} (${f.folder})`.padEnd(24),
    String(own.length).padStart(6),
    ms(p.median) + ' ms',
    ms(q.median) + ' ms',
    ms(q.p95) + ' ms',
    ms(stats(cpu).median) + ' ms',
    ms(stats(comp).median),
    ms(stats(evalu).median),
    ms(stats(dif).median) + ' ms',
    (q.median / p.median).toFixed(1).padStart(6) + '×',
    ms(stats(off).median) + ' ms',
    (stats(off).median / q.median).toFixed(2).padStart(6) + '×',
    q.median < 25 ? '   ✓ median <25ms' : '   ✗ median ≥25ms',
  );
}
console.log(`\nratio = median(recompile + re-evaluate) / median(parse only) of the same files (parse = dsl parseFile of the\npolicy's files and its ancestors'); cpu = user+system CPU time of the recompile + re-evaluate (the process's, so GC threads count too); compile = compilePolicy + loadPolicy; evaluate = the selected golden\ncase with explain on; diff = diffPolicies(as loaded, edited) for the Changes panel. compilePolicy caches parses per file (compiler/parseCache.ts), so after an\nedit only the edited file is re-parsed: hence a ratio below 1 is possible. memo off = the same edits with the\nmemoised declaration builds off (compiler/buildCache.ts), × = memo off / full med. Worst p95 ${worstP95.toFixed(1)} ms. Load average when run: ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
