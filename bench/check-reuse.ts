// Re-check after a one-character edit of a policy's last file, with and without the memoised
// declaration builds (compiler/buildCache.ts), alternating in one process: the ratio is the
// figure (the machine is shared). Parses are cached in both (compiler/parseCache.ts).
//   npx tsx bench/check-reuse.ts [iterations per round] [rounds]
import { loadavg } from 'node:os';
import { compilePolicy } from '../compiler/index.ts';
import { setBuildCache } from '../compiler/buildCache.ts';
import { corpus, corpusResolver } from '../tests/fuzz/corpus.ts';

const N = Number(process.argv[2] ?? 40);
const ROUNDS = Number(process.argv[3] ?? 4);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

console.log(`check after a one-character edit of the last file: compilePolicy median ms (${ROUNDS} alternating rounds × ${N})\n`);
console.log('policy'.padEnd(34), '   memo off', '    memo on', '  ratio');
const ratios: number[] = [];
for (const p of corpus().filter((x) => x.dir.startsWith('provinces'))) {
  const last = p.files.length - 1;
  const edit = (i: number) => p.files.map((f, j) => (j === last ? { ...f, text: f.text + ' '.repeat(1 + (i % 2)) } : f));
  const times = { off: [] as number[], on: [] as number[] };
  let i = 0;
  for (let round = 0; round < ROUNDS * 2; round++) {
    const mode = round % 2 ? 'on' : 'off';
    setBuildCache(mode === 'on');
    for (let k = 0; k < 3; k++) compilePolicy({ files: edit(i++), resolve: corpusResolver() }); // warm-up
    for (let k = 0; k < N; k++) {
      const files = edit(i++);
      const t0 = performance.now();
      compilePolicy({ files, resolve: corpusResolver() });
      times[mode].push(performance.now() - t0);
    }
  }
  const off = median(times.off);
  const on = median(times.on);
  ratios.push(off / on);
  console.log(`${p.name} (${p.dir})`.padEnd(34), off.toFixed(2).padStart(8) + ' ms', on.toFixed(2).padStart(8) + ' ms', (off / on).toFixed(2).padStart(6) + '×');
}
setBuildCache(true);
console.log(`\nratio = memo off / memo on (higher is better). Load average: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
