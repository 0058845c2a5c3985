// A population-sized batch through the batch API in bounded memory: 10⁶ generated cases
// (bench/cases.ts, made on the fly, never all held) streamed through `evaluateRows`, every
// value compared to the fen with the hand-written decimal.js baseline, throughput and peak RSS
// reported; then the same stream with the decimal path forced, as the ratio's baseline; and the
// same cases as columns, chunk by chunk, through the column kernel (runtime/fenColumns.ts, fen
// integers out, each turned into its text by batchJson and compared to the fen as well).
//
//   node --expose-gc --import tsx bench/batch-million.ts [--n 1000000] [--seed 20241124]
import { caseStream, type BenchCase } from './cases.ts';
import { handwritten } from './handwritten.ts';
import { AS_OF, OUTPUTS, toNationalCase, toNationalColumns } from './nationalAdapter.ts';
import { compileNational } from './loadNational.ts';
import { batchJson, evaluateColumns, evaluateRows, fenStats, type BatchCase } from '../runtime/index.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const n = arg('n', 1_000_000);
const seed = arg('seed', 20241124);
const CHUNK = 10_000;
const { policy } = compileNational();

/** The cases, made one at a time as the batch pulls them; `last.c` is the bench case behind the
 * case last pulled, which the checking loop reads before it pulls the next (evaluateRows yields
 * case i's row before it pulls case i + 1). The harness holds one case, not a chunk: a chunk
 * of 10 000 lived through several scavenges, went to the old generation and was a large part
 * of the peak (docs/benchmarks.md, batch-million). */
function* stream(last: { c: BenchCase | null }): Generator<BatchCase> {
  for (const c of caseStream(n, seed, CHUNK)) {
    last.c = c;
    yield toNationalCase(c);
  }
}

function run(engine: 'auto' | 'decimal', check: boolean) {
  const last: { c: BenchCase | null } = { c: null };
  let mismatches = 0;
  let notOk = 0;
  let i = 0;
  const fen0 = fenStats.answered;
  const t = performance.now();
  for (const row of evaluateRows(policy, stream(last), { asOf: AS_OF, outputs: OUTPUTS, engine })) {
    if (!row.ok) notOk++;
    if (row.index !== i) throw new Error(`row ${row.index} where ${i} was expected`);
    if (check) {
      const want = handwritten(last.c!);
      const w = [want.baseWage, want.lumpSum, want.allowance, want.nursing];
      for (let k = 0; k < 4; k++) if (row.values[k] !== w[k]!.toFixed(2)) mismatches++;
    }
    i++;
  }
  if (i !== n) throw new Error(`${i} rows for ${n} cases`);
  const ms = performance.now() - t;
  // what the pass left behind: live heap after a full GC (needs --expose-gc) beside the peak so
  // far — a live heap that stays flat from pass to pass says the peak is garbage not yet
  // collected, not retained results
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    const m = process.memoryUsage();
    console.error(`  ${engine}${check ? ' checked' : ''}: live heap after GC ${(m.heapUsed / 2 ** 20).toFixed(0)} MB, RSS now ${(m.rss / 2 ** 20).toFixed(0)} MB, peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  }
  return { ms, mismatches, notOk, fen: fenStats.answered - fen0 };
}

/** Cases per evaluateColumns call. Column batches are short (DuckDB's vectors hold 2 048 rows):
 * a batch of 10 000 cases plus its columns lived long enough to reach V8's old generation, and
 * dead batches piled up there (peak RSS 279 MB against 179 for the row stream). */
const COLUMN_BATCH = 2048;

/** The same cases as the row passes (caseStream), as columns, COLUMN_BATCH cases per call. */
function runColumns(check: boolean) {
  const text = batchJson(policy, OUTPUTS);
  let mismatches = 0;
  let notOk = 0;
  let fen = 0;
  let seen = 0;
  const t = performance.now();
  const stream = caseStream(n, seed, CHUNK);
  for (;;) {
    const batch: BenchCase[] = [];
    for (let c = stream.next(); !c.done; c = stream.next()) if (batch.push(c.value) === COLUMN_BATCH) break;
    if (!batch.length) break;
    const r = evaluateColumns(policy, toNationalColumns(batch), { asOf: AS_OF, outputs: OUTPUTS, values: 'scaled' });
    fen += r.fen;
    notOk += r.failures.size;
    seen += batch.length;
    if (!check) continue;
    const cols = OUTPUTS.map((o) => r.columns[o]!);
    for (let i = 0; i < batch.length; i++) {
      const want = handwritten(batch[i]!);
      const w = [want.baseWage, want.lumpSum, want.allowance, want.nursing];
      for (let j = 0; j < 4; j++) if (text[j]!(cols[j]![i]) !== w[j]!.toFixed(2)) mismatches++;
    }
  }
  if (seen !== n) throw new Error(`columns: ${seen} cases evaluated, expected ${n}`);
  return { ms: performance.now() - t, mismatches, notOk, fen };
}

console.error(`batch of ${n} cases, seed ${seed}`);

const checked = run('auto', true);
console.log(`fen path, every value checked against hand-written decimal.js: ${checked.mismatches} mismatching values, ${checked.notOk} cases not ok, ${checked.fen} of ${n} answered on the fen path`);
const rss1 = process.resourceUsage().maxRSS / 1024;
const fast = run('auto', false);
const slow = run('decimal', false);
console.log(`throughput (case generation included): fen path ${Math.round((n / fast.ms) * 1000)} cases/s, decimal path ${Math.round((n / slow.ms) * 1000)} cases/s, ratio ${(slow.ms / fast.ms).toFixed(2)}×`);
console.log(`peak RSS: ${rss1.toFixed(0)} MB after the checked pass, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB at the end (target < 250 MB)`);
if (checked.mismatches > 0) process.exitCode = 1;
// the columnar passes last, so the peak RSS above is the row stream's alone
{
  const c = runColumns(true);
  console.log(`columns (column kernel, fen out, texts by batchJson), every value checked against hand-written decimal.js: ${c.mismatches} mismatching values, ${c.notOk} cases not ok, ${c.fen} of ${n} answered on the fen path`);
  const f = runColumns(false);
  console.log(`columns throughput (case generation and columns included): ${Math.round((n / f.ms) * 1000)} cases/s`);
  if (c.mismatches > 0) process.exitCode = 1;
}
console.log(`peak RSS after the columnar passes too: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
