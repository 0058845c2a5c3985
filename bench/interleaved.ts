// Interleaved CPU-time comparison on the built package (dist/, as an embedder runs it) of the
// hand-written decimal.js rules (bench/handwritten.ts) and the compiled national policy's entry
// points, each pass timed by the process's user + system time, passes interleaved round by round
// (a shared machine's load moves every pass alike), a forced GC before each pass. Prints the
// median CPU µs per case of each pass (first rounds dropped as warm-up) and its ratio to the
// hand-written pass of the same kind (values to values, texts to texts).
//
//   npm run build && node --expose-gc --import tsx bench/interleaved.ts [--numbers] [--rounds 25]
//
// --numbers: money as JSON numbers (the shared peer bench's workload) instead of decimal texts.
// Every pass's results are compared with the hand-written ones to the fen before timing.
import { generateCases, type BenchCase } from './cases.ts';
import { handwritten } from './handwritten.ts';
import { AS_OF, OUTPUTS, toNationalCase, toNationalColumns } from './nationalAdapter.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { compilePolicy, loadPolicy } = await import(join(root, 'dist/esm/compiler.js'));
const { evaluateColumns, batchJson } = await import(join(root, 'dist/esm/runtime.js'));
const dir = join(root, 'provinces/national');
const files = readdirSync(dir).filter((f) => f.endsWith('.xize')).sort().map((f) => ({ path: `provinces/national/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
const policy = loadPolicy(compilePolicy({ files, resolve: () => undefined }).ir);

const numbers = process.argv.includes('--numbers');
const ri = process.argv.indexOf('--rounds');
const rounds = ri > 0 ? Number(process.argv[ri + 1]) : 25;
const n = 20000;
const cases: BenchCase[] = generateCases(n, 20241207).map((c) =>
  numbers ? ({ ...c, monthlyWage: Number(c.monthlyWage), avgWage: Number(c.avgWage), minWage: Number(c.minWage) } as unknown as BenchCase) : c,
);
const out = new Array<unknown>(n);
const text = batchJson(policy, OUTPUTS) as ((v: unknown) => string)[];
const scaled = { asOf: AS_OF, outputs: OUTPUTS, values: 'scaled' };
const json = { asOf: AS_OF, outputs: OUTPUTS };
type Q = Record<string, { value: unknown }>;

const passes: Record<string, () => void> = {
  handwritten: () => {
    for (let i = 0; i < n; i++) out[i] = handwritten(cases[i]!);
  },
  handwrittenText: () => {
    for (let i = 0; i < n; i++) {
      const h = handwritten(cases[i]!);
      out[i] = [h.baseWage.toFixed(2), h.lumpSum.toFixed(2), h.allowance.toFixed(2), h.nursing.toFixed(2)];
    }
  },
  evaluate: () => {
    for (let i = 0; i < n; i++) {
      const c = toNationalCase(cases[i]!);
      out[i] = policy.evaluate(c.input, { asOf: AS_OF, parameters: c.parameters, outputs: OUTPUTS });
    }
  },
  evaluateText: () => {
    for (let i = 0; i < n; i++) {
      const c = toNationalCase(cases[i]!);
      const q = policy.evaluate(c.input, { asOf: AS_OF, parameters: c.parameters, outputs: OUTPUTS }).outputs as Q;
      out[i] = [q['本人工资']!.value, q['一次性伤残补助金']!.value, q['伤残津贴']!.value, q['生活护理费']!.value];
    }
  },
  columnsFen: () => {
    out[0] = evaluateColumns(policy, toNationalColumns(cases), scaled);
  },
  columnsText: () => {
    out[0] = evaluateColumns(policy, toNationalColumns(cases), json);
  },
};
const base: Record<string, string> = { evaluate: 'handwritten', columnsFen: 'handwritten', evaluateText: 'handwrittenText', columnsText: 'handwrittenText' };

// verification: every figure of every pass equals the hand-written one, to the fen
{
  const want = cases.map((c) => {
    const h = handwritten(c);
    return [h.baseWage, h.lumpSum, h.allowance, h.nursing].map((d) => d.toFixed(2));
  });
  let bad = 0;
  const r1 = evaluateColumns(policy, toNationalColumns(cases), scaled).columns;
  const r2 = evaluateColumns(policy, toNationalColumns(cases), json).columns;
  for (let i = 0; i < n; i++) {
    const c = toNationalCase(cases[i]!);
    const q = policy.evaluate(c.input, { asOf: AS_OF, parameters: c.parameters, outputs: OUTPUTS }).outputs as Q;
    OUTPUTS.forEach((k, j) => {
      if (q[k]!.value !== want[i]![j] || text[j]!(r1[k][i]) !== want[i]![j] || r2[k][i] !== want[i]![j]) bad++;
    });
  }
  console.log(`verified ${n} cases × 4 figures × 3 entry points: ${bad} mismatches`);
  if (bad > 0) process.exit(1);
}

const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
const gc = (globalThis as { gc?: () => void }).gc;
for (let r = 0; r < rounds; r++) {
  for (const [k, f] of Object.entries(passes)) {
    gc?.();
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    cpu[k]!.push((c.user + c.system) / n);
  }
}
const warm = Math.min(5, rounds - 1);
const med = (xs: number[]) => {
  const s = xs.slice(warm).sort((a, b) => a - b);
  return s[s.length >> 1]!;
};
console.log(`money as ${numbers ? 'JSON numbers' : 'decimal texts'}, ${n} cases, ${rounds} rounds (first ${warm} dropped)`);
for (const k of Object.keys(passes)) {
  const b = base[k];
  console.log(`${k.padEnd(16)} ${med(cpu[k]!).toFixed(3)} CPU µs/case${b ? `  ${(med(cpu[b]!) / med(cpu[k]!)).toFixed(2)}× ${b}` : ''}`);
}
