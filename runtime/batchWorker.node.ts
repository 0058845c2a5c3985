// One worker of runtime/batchWorkers.node.ts: loads the policy body, evaluates its slice.
import { parentPort, workerData } from 'node:worker_threads';
import * as runtime from './index.ts';
import type { BatchCase, BatchOptions } from './batch.ts';
import type { LoadedPolicy, Outcome } from './outcome.ts';

const { body, cases, options } = workerData as { body: string; cases: BatchCase[]; options: BatchOptions };
try {
  const policy = new Function('rt', body)(runtime) as LoadedPolicy;
  const r = runtime.evaluateColumns(policy, cases, options);
  // an Outcome the fen path gave (an unavailable output) keeps its fields (and its output values'
  // texts) behind accessors, which structured cloning skips: its toJSON is the plain outcome
  const failures = [...r.failures].map(([i, o]) => [i, typeof (o as { toJSON?: unknown }).toJSON === 'function' ? (o as unknown as { toJSON(): Outcome }).toJSON() : o] as const);
  parentPort!.postMessage({ columns: r.columns, ok: r.ok, failures, fen: r.fen });
} catch (e) {
  parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) });
}
