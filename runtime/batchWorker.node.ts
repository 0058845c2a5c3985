// One worker of runtime/batchWorkers.node.ts: loads the policy body, evaluates its slice.
import { parentPort, workerData } from 'node:worker_threads';
import * as runtime from './index.ts';
import type { BatchCase, BatchOptions } from './batch.ts';
import type { LoadedPolicy } from './outcome.ts';

const { body, cases, options } = workerData as { body: string; cases: BatchCase[]; options: BatchOptions };
try {
  const policy = new Function('rt', body)(runtime) as LoadedPolicy;
  const r = runtime.evaluateColumns(policy, cases, options);
  // outcomes are plain data except lazily computed checks: read them so they clone
  const failures = [...r.failures].map(([i, o]) => [i, { ...o, checks: o.checks, errors: o.errors, ok: o.ok }] as const);
  parentPort!.postMessage({ columns: r.columns, ok: r.ok, failures, fen: r.fen });
} catch (e) {
  parentPort!.postMessage({ error: String((e as Error)?.stack ?? e) });
}
