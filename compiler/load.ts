// In-memory loading of a checked policy: the generated JS body run with `new Function` against
// the runtime object — the same code path as the generated module, so the CLI, the tests and
// the browser give the same answers.
import * as runtime from '../runtime/index.ts';
import type { LoadedPolicy } from '../runtime/outcome.ts';
import { emitBody } from './codegen.ts';
import type { IrPolicy } from './ir.ts';

export interface LoadOptions {
  /** The runtime object handed to the body (default: runtime/index.ts). Tests pass a spy. */
  runtime?: Record<string, unknown>;
  /** false: no integer fen path (compiler/codegenFen.ts); every case runs on decimal.js */
  fen?: boolean;
}

export function loadPolicy(ir: IrPolicy, options: LoadOptions = {}): LoadedPolicy {
  return loadBody(emitBody(ir, { fen: options.fen }), options);
}

/** Loads a body emitBody produced (the CLI keeps bodies in its cache, cli/astCache.ts). */
export function loadBody(body: string, options: LoadOptions = {}): LoadedPolicy {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('rt', body) as (rt: unknown) => LoadedPolicy;
  return factory(options.runtime ?? runtime);
}
