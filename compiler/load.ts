// In-memory loading of a checked policy: the generated JS body run with `new Function` against
// the runtime object — the same code path as the generated module, so the CLI, the tests and
// the browser give the same answers.
//
// A clean check is meant to make code generation infallible. Should a defect slip through,
// `tryLoadPolicy` turns it into a coded, located, bilingual diagnostic (XG…) instead of a thrown
// stack; `loadPolicy` throws a CodegenError that carries the same diagnostic.
import type { Diagnostic } from '../dsl/diagnostic.ts';
import { makeDiagnostic } from '../dsl/diagnostic.ts';
import * as runtime from '../runtime/index.ts';
import type { LoadedPolicy } from '../runtime/outcome.ts';
import { emitBody, emitBodyParts } from './codegen.ts';
import { chunkFactory } from './codegenChunks.ts';
import { loadCached } from './loadCache.ts';
import { CodegenError } from './codegenUtil.ts';
import type { IrPolicy } from './ir.ts';
import { codegenMessages } from './messages.ts';

export interface LoadOptions {
  /** The runtime object handed to the body (default: runtime/index.ts). Tests pass a spy. */
  runtime?: Record<string, unknown>;
  /** false: no integer fen path (compiler/codegenFen.ts); every case runs on decimal.js */
  fen?: boolean;
  /** How the generated body becomes a function of the runtime (default: `new Function('rt', body)`).
   * The built CLI passes one that keeps V8's compiled code between runs (cli/codeCache.ts). */
  compile?: (body: string) => (rt: Record<string, unknown>) => LoadedPolicy;
}

/** The diagnostic for a failure of code generation or of loading the generated body. */
export function loadFailure(ir: IrPolicy, err: unknown): Diagnostic {
  const first = ir.rules[0]?.span ?? ir.checks[0]?.span;
  const p = { offset: 0, line: 1, column: 1 };
  const fallback = first ?? { file: '', start: p, end: p };
  if (err instanceof CodegenError) {
    const code = codegenMessages[err.code] ? err.code : 'XG999';
    const detail = err.message.replace(/^XG\d+: /, '');
    return makeDiagnostic(codegenMessages, code, err.span ?? fallback, { detail });
  }
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return makeDiagnostic(codegenMessages, 'XG999', fallback, { detail });
}

/** Generate and load; never throws: a failure is returned as diagnostics. */
export function tryLoadPolicy(ir: IrPolicy, options: LoadOptions = {}): { policy?: LoadedPolicy; diagnostics: Diagnostic[] } {
  try {
    return { policy: load(ir, options), diagnostics: [] };
  } catch (err) {
    return { diagnostics: [loadFailure(ir, err)] };
  }
}

export function loadPolicy(ir: IrPolicy, options: LoadOptions = {}): LoadedPolicy {
  try {
    return load(ir, options);
  } catch (err) {
    const d = loadFailure(ir, err);
    const e = new CodegenError(d.code, `${d.message.zh} / ${d.message.en}`, d.span);
    (e as CodegenError & { diagnostic: Diagnostic }).diagnostic = d;
    throw e;
  }
}

function load(ir: IrPolicy, options: LoadOptions): LoadedPolicy {
  // a host that brings its own compile function (the CLI's code cache) gets the body as one text
  if (options.compile) return loadBody(emitBody(ir, { fen: options.fen }), options);
  const generate = () => loadParts(ir, options);
  // an equal IR loads to an equal policy: kept by the IR (compiler/loadCache.ts) unless the
  // host brings its own runtime
  if (options.runtime) return generate();
  return loadCached(ir, options.fen === false ? 'nofen' : 'fen', generate);
}

/** The body of emitBody(ir) loaded in its parts: each declaration's chunk compiled on its own,
 * and kept with the chunk, so after an edit only the edited declarations' code is compiled
 * again (compiler/codegenChunks.ts); the linker, which is small, every time. */
function loadParts(ir: IrPolicy, options: LoadOptions): LoadedPolicy {
  const { chunks, linker } = emitBodyParts(ir, { fen: options.fen });
  const D = chunks.map(chunkFactory);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function('rt', 'D', linker) as (rt: Record<string, unknown>, d: unknown[]) => LoadedPolicy;
  return factory(options.runtime ?? runtime, D);
}

/** Loads a body emitBody produced (the CLI keeps bodies in its cache, cli/astCache.ts). */
export function loadBody(body: string, options: LoadOptions = {}): LoadedPolicy {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = options.compile ? options.compile(body) : (new Function('rt', body) as (rt: Record<string, unknown>) => LoadedPolicy);
  return factory(options.runtime ?? runtime);
}
