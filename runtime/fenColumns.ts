// The batch API's column kernel: one generated loop over the cases of a columnar batch
// (runtime/batch.ts, `ColumnarCases`) for one shape — requested outputs, as-of date, input
// columns, override columns. Each case is read straight from its columns (no object per case),
// converted and checked by the same converters as every other kernel (runtime/fenKernel.ts
// kernelParts), computed, and its fen values written into the output columns. Per case it says
// DONE, BLOCKED (an error-severity check holds) or UNSURE in a status array; the caller runs
// every case that is not DONE through the per-case path, which answers or hands it to the
// decimal path. So, like every kernel, it never changes an answer or an error: it only skips the
// per-case objects, shape tests and calls (docs/benchmarks.md, issue 9: that fixed cost per case,
// not the arithmetic, was what kept the batch API near 4× hand-written decimal.js).
import { kernelParts, type KernelHost } from './fenKernel.ts';
import type { PolicyModel } from './model.ts';
import type { Prepared } from './prepared.ts';

/** fill(IC, GC, from, to, OUT, ST): for each case j in [from, to), input column n is IC[n]
 * (inKeys order) and override column n is GC[n] (gKeys order); the requested fen values go to
 * OUT[n][j], the case's status to ST[j] (BATCH_UNSURE 0, BATCH_DONE 1, BATCH_BLOCKED 2). False
 * when the kernel is already running (a re-entrant call: the caller takes the per-case path). */
export type ColumnFill = (
  IC: readonly ArrayLike<unknown>[],
  GC: readonly ArrayLike<unknown>[],
  from: number,
  to: number,
  OUT: readonly { [j: number]: unknown }[],
  ST: Uint8Array,
) => boolean;

const cache = new WeakMap<Prepared, Map<string, ColumnFill | null>>();
const BOUNDED = 64;

/** The column kernel for this shape (made once, kept per policy), or null when no kernel takes
 * the shape (a key it does not know, an input with 范围, a requested output without fen text …). */
export function columnKernel(
  M: PolicyModel,
  P: Prepared,
  host: KernelHost,
  which: readonly number[],
  asOf: string,
  inKeys: string[],
  gKeys: string[] | null,
  checks: readonly boolean[],
): ColumnFill | null {
  let byKey = cache.get(P);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(P, byKey);
  }
  const key = `${checks.join(',')}\u0000${which.join(',')}\u0000${asOf}\u0000${inKeys.join('\u0001')}\u0000${gKeys === null ? '\u0002' : gKeys.join('\u0001')}`;
  let k = byKey.get(key);
  if (k === undefined) {
    try {
      k = build(M, P, host, which.slice(), asOf, inKeys, gKeys, checks);
    } catch {
      k = null; // e.g. no `new Function` under a content security policy: the per-case path
    }
    if (byKey.size >= BOUNDED) byKey.clear();
    byKey.set(key, k);
  }
  return k;
}

function build(
  M: PolicyModel,
  P: Prepared,
  host: KernelHost,
  which: number[],
  asOf: string,
  inKeys: string[],
  gKeys: string[] | null,
  checks: readonly boolean[],
): ColumnFill | null {
  const k = kernelParts(M, P, host, which, asOf, inKeys, gKeys, checks);
  if (k === null) return null;
  const cols: string[] = [];
  // each read takes its value from its column at j; a failed read leaves the case UNSURE
  const reads = k.reads.map((r, n) => {
    const [src, key] = k.from[n]!;
    const col = `${src === 'input' ? 'IC' : 'GC'}${src === 'input' ? inKeys.indexOf(key) : gKeys!.indexOf(key)}`;
    if (!cols.includes(col)) cols.push(col);
    return `      ${r.replace(`${src}[${JSON.stringify(key)}]`, `${col}[j]`).replaceAll('return null;', '{ ST[j] = 0; continue; }')}`;
  });
  return k.compile([
    'return function fillColumns(IC, GC, from, to, OUT, ST) {',
    '  if (busy) return false;',
    '  busy = true;',
    ...cols.map((c) => `  const ${c} = ${c.slice(0, 2)}[${c.slice(2)}];`),
    ...which.map((_, n) => `  const O${n} = OUT[${n}];`),
    '  try {',
    '    for (let j = from; j < to; j++) {',
    '      try {',
    ...reads,
    ...(k.memo.length > 0 ? [`      ${k.memo.join(' = ')} = undefined;`] : []),
    // an integral value within int32 stored as such: the fen arithmetic leaves doubles (a
    // product past int32, Math.floor), and a column of doubles hands every reader a boxed number
    // (an allocation per value read into an object: measured, the peer bench's rows)
    ...which.map((i, n) => `      { const v = R${i}(); O${n}[j] = typeof v === 'number' && (v | 0) === v ? v | 0 : v; }`),
    // an absent input read by a check skips it (MP), anything else thrown: UNSURE, as fill does
    ...k.runChecks.map((c) => `      try { miss = false; if (C${c}() === true && !miss) { ST[j] = 2; continue; } } catch (e) { if (e !== F.MISSING) { ST[j] = 0; continue; } }`),
    '      ST[j] = 1;',
    '      } catch (e) {',
    '        ST[j] = 0;',
    '      }',
    '    }',
    '  } finally {',
    '    busy = false;',
    '  }',
    '  return true;',
    '};',
  ]) as ColumnFill;
}
