// The batch API across worker threads (Node only: node:worker_threads; nothing in dsl/,
// compiler/ or runtime/index.ts imports this file, so the browser build never sees it).
// Each worker loads the policy from its generated JS body (compiler/codegen.ts emitBody — the
// same text loadPolicy runs), evaluates its contiguous slice of the cases with
// evaluateColumns, and sends the columns back; the slices are joined in case order.
//
//   const body = emitBody(ir);
//   const r = await evaluateColumnsInWorkers(body, cases, { asOf, outputs }, { threads: 2 });
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { BatchCase, BatchColumns, BatchOptions } from './batch.ts';
import type { Outcome } from './outcome.ts';

export interface WorkerOptions {
  /** number of threads (default: available parallelism) */
  threads?: number;
}

interface SliceResult {
  columns: Record<string, unknown[]>;
  ok: Uint8Array;
  failures: [number, Outcome][];
  fen: number;
}

const workerFile = new URL(import.meta.url.endsWith('.ts') ? './batchWorker.node.ts' : './batchWorker.node.js', import.meta.url);

function runSlice(body: string, cases: BatchCase[], options: BatchOptions): Promise<SliceResult> {
  return new Promise((resolve, reject) => {
    // from the TypeScript sources (development, tests) the worker registers tsx's loader first;
    // built JavaScript runs the worker file directly
    const w = workerFile.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(workerFile.href)}); })`, { eval: true, workerData: { body, cases, options } })
      : new Worker(workerFile, { workerData: { body, cases, options } });
    w.once('message', (m: SliceResult | { error: string }) => {
      void w.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    w.once('error', reject);
  });
}

/** evaluateColumns over `threads` worker threads; same result, failures keyed by case index. */
export async function evaluateColumnsInWorkers(body: string, cases: BatchCase[], options: BatchOptions, wo: WorkerOptions = {}): Promise<BatchColumns> {
  const threads = Math.max(1, Math.min(wo.threads ?? availableParallelism(), cases.length || 1));
  const size = Math.ceil(cases.length / threads);
  const slices: Promise<SliceResult>[] = [];
  for (let t = 0; t < threads; t++) slices.push(runSlice(body, cases.slice(t * size, (t + 1) * size), options));
  const parts = await Promise.all(slices);
  const columns: Record<string, unknown[]> = {};
  for (const name of options.outputs) {
    Object.defineProperty(columns, name, { value: parts.flatMap((p) => p.columns[name]!), enumerable: true, writable: true, configurable: true });
  }
  const ok = new Uint8Array(cases.length);
  const failures = new Map<number, Outcome>();
  let fen = 0;
  parts.forEach((p, t) => {
    ok.set(p.ok, t * size);
    for (const [i, o] of p.failures) failures.set(t * size + i, o);
    fen += p.fen;
  });
  return { length: cases.length, columns, ok, failures, fen };
}
