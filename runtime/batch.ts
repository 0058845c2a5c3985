// The batch API: many cases, one call, only the outputs asked for. It is the engine a
// population run uses: no Outcome object per case, no display strings, only the error-severity
// checks (a case whose error check holds is not ok, with XR043, as in `evaluate`; warnings are
// not run — ask `evaluate`), parameters converted once per date, and the fen path wherever the
// compiler proved it exact; a case with an unavailable output (an input it needs is absent) is
// not ok and carries the Outcome the decimal path would give, answered on the fen path; a case
// the fen path hands back (out of range, a failure, input it is not sure of) is evaluated with
// `evaluate` on the decimal path and its Outcome is attached to its row when it is not ok. Plain TypeScript, no Node API (runtime/batchWorkers.node.ts spreads a batch over threads).
//
//   evaluateColumns(policy, cases, { outputs, asOf })   → columns of values, one per output
//   evaluateRows(policy, cases, { outputs, asOf })      → a generator of rows (bounded memory)
//   evaluateStream(policy, asyncCases, options)         → an async generator of row chunks
import type { EvaluateOptions, LoadedPolicy, Outcome } from './outcome.ts';
import type { PolicyModel } from './model.ts';
import { checksOf, evaluateModel, modelOf } from './evaluate.ts';
import { prep, type Prepared } from './prepared.ts';
import { FEN_DONE_CHECKS_PENDING, FEN_FALLBACK, UNAVAILABLE, allFen, computeFen, fenColumnKernel, fenOutcome, fenStats, fillFen } from './fenEval.ts';
import { BATCH_DONE, BATCH_UNSURE } from './fenKernel.ts';
import { fenJson } from './fenOutputs.ts';
import { fenValueText } from './fenText.ts';
import { toScaled } from './fen.ts';
import { isValidDate } from './dates.ts';

/** One case of a batch. */
export interface BatchCase {
  input: unknown;
  /** per-case parameter overrides (else `options.parameters`) */
  parameters?: Record<string, unknown>;
  /** the case's as-of date (else `options.asOf`) */
  asOf?: string;
}

/** Cases as columns: `input[field][i]` is case i's field (undefined or null = absent). */
export interface ColumnarCases {
  length: number;
  input: Record<string, ArrayLike<unknown>>;
  parameters?: Record<string, ArrayLike<unknown>>;
  asOf?: ArrayLike<string>;
}

export interface BatchOptions {
  /** the outputs to compute, in column order */
  outputs: string[];
  /** as-of date of cases that give none (required unless every case gives one) */
  asOf?: string;
  /** parameter overrides for cases that give none */
  parameters?: Record<string, unknown>;
  /** 'json' (default): each value as `OutputValue.value` would be (money "1234.50");
   * 'scaled': numeric outputs as integers at the output's scale (`batchScales`), e.g. money in
   * fen — what a population sum wants; a decimal-path value whose integer would not give back
   * its exact JSON text (e.g. "-0.00") stays that text */
  values?: 'json' | 'scaled';
  /** 'decimal' forces the decimal path (as EvaluateOptions.engine) */
  engine?: 'auto' | 'decimal';
}

export interface BatchRow {
  index: number;
  /** no input error, no evaluation error, no error-severity check holds, every output computed */
  ok: boolean;
  /** per requested output, its value (null when not computed) */
  values: unknown[];
  /** the full Outcome, for a case that was not ok */
  outcome?: Outcome;
}

export interface BatchColumns {
  length: number;
  /** output name → values by case index */
  columns: Record<string, unknown[]>;
  /** 1 = ok, 0 = see `failures` */
  ok: Uint8Array;
  /** the Outcome of every case that was not ok */
  failures: Map<number, Outcome>;
  /** how many cases the fen path answered (ok, or not ok only for an unavailable output) */
  fen: number;
}

interface Plan {
  M: PolicyModel;
  P: Prepared;
  which: number[];
  fen: boolean;
  scaled: boolean;
  scales: (number | null)[];
  vals: unknown[];
  /** per output, the absent inputs' names when the fen path found it unavailable */
  missing: (string[] | undefined)[];
  /** the Outcome of the last case that was not ok */
  outcome: Outcome | null;
  /** the last as-of date found valid and in force (cases of a batch share a few dates) */
  goodAsOf: string | undefined;
  /** indices of the checks that hold (the fen path runs them when `errorChecks`), else null */
  hits: number[] | null;
  /** per check, whether it has error severity */
  errorChecks: boolean[];
}

function plan(policy: LoadedPolicy, options: BatchOptions): Plan {
  const M = modelOf(policy);
  const P = prep(M);
  const which: number[] = [];
  for (const name of options.outputs) {
    const i = P.outputIndex.get(name);
    if (i === undefined) throw new RangeError(`unknown output ${JSON.stringify(name)} (未知输出)`);
    which.push(i);
  }
  const fen = options.engine !== 'decimal' && M.fen !== undefined && allFen(M.fen, which);
  const errorChecks = M.checks.map((c) => c.severity === 'error');
  const hits = errorChecks.includes(true) ? [] : null;
  return { M, P, which, fen, scaled: options.values === 'scaled', scales: batchScalesOf(M, which), vals: new Array(which.length), missing: new Array(which.length), outcome: null, goodAsOf: undefined, hits, errorChecks };
}

function batchScalesOf(M: PolicyModel, which: number[]): (number | null)[] {
  return which.map((i) => M.fen?.rules[i]?.scale ?? null);
}

/** Per output: the scale of its integers in `values: 'scaled'` mode (null = not numeric or
 * not on the fen path: the value is given as JSON). */
export function batchScales(policy: LoadedPolicy, outputs: string[]): (number | null)[] {
  const M = modelOf(policy);
  const P = prep(M);
  return batchScalesOf(M, outputs.map((o) => P.outputIndex.get(o) ?? -1));
}

/** Per output: what turns its `values: 'scaled'` value back into the `values: 'json'` value (a
 * caller that wants integers for some outputs only). */
export function batchJson(policy: LoadedPolicy, outputs: string[]): ((v: unknown) => unknown)[] {
  const M = modelOf(policy);
  const P = prep(M);
  return outputs.map((o) => {
    const i = P.outputIndex.get(o) ?? -1;
    const s = M.fen?.rules[i]?.scale ?? null;
    if (s === null) return (v: unknown) => v;
    const t = M.rules[i]!.type;
    return (v: unknown) => (typeof v === 'number' ? fenJson(M, t, v, s) : v);
  });
}

const ON_FEN = 1;
const ON_DECIMAL = 0;
const NOT_OK = -1;
/** not ok (an output unavailable), answered on the fen path */
const NOT_OK_ON_FEN = -2;

/** Evaluates one case into `dst` (values by output): ON_FEN, ON_DECIMAL, or NOT_OK /
 * NOT_OK_ON_FEN with the Outcome in `p.outcome`. */
function one(p: Plan, c: BatchCase, options: BatchOptions, dst: unknown[]): number {
  const M = p.M;
  const asOf = c.asOf ?? options.asOf;
  const given = c.parameters ?? options.parameters ?? null;
  if (p.fen && asOf !== undefined && (asOf === p.goodAsOf || inForce(M, asOf, p))) {
    // the shape's straight-line kernel first (outputs and error checks in one call)
    const k = fillFen(M, p.P, c.input, asOf, given, p.which, p.vals, p.errorChecks);
    if (k === BATCH_DONE) {
      writeValues(p, dst);
      return ON_FEN;
    }
    if (k === BATCH_UNSURE) {
      const r = genericFen(p, c, asOf, given, dst);
      if (r !== ON_DECIMAL) return r;
    }
    // BATCH_BLOCKED (an error check holds), or the fen path handed the case back: the decimal
    // path gives the case's Outcome (with XR043 when blocked)
  }
  const opts: EvaluateOptions = { outputs: options.outputs, engine: 'decimal' };
  if (asOf !== undefined) opts.asOf = asOf;
  if (given !== null) opts.parameters = given;
  const o = evaluateModel(M, c.input, opts);
  let complete = o.ok;
  for (let n = 0; n < options.outputs.length; n++) {
    const v = o.outputs[options.outputs[n]!];
    if (v === undefined) {
      dst[n] = null;
      complete = false;
    } else {
      const s = p.scales[n]!;
      dst[n] = p.scaled && s !== null && typeof v.value === 'string' ? scaledOf(M, p.which[n]!, v.value, s) : v.value;
    }
  }
  if (complete) return ON_DECIMAL;
  p.outcome = o;
  return NOT_OK;
}

/** A case on the generic fen path (computeFen): ON_FEN, NOT_OK_ON_FEN (an output unavailable,
 * the Outcome in p.outcome), or ON_DECIMAL when the decimal path must answer it (handed back, or
 * an error check holds: the decimal path gives the Outcome with XR043). */
function genericFen(p: Plan, c: BatchCase, asOf: string, given: Record<string, unknown> | null, dst: unknown[]): number {
  const M = p.M;
  if (p.hits !== null) p.hits.length = 0;
  const r = computeFen(M, p.P, c.input, asOf, given, p.which, p.vals, p.hits, true, p.errorChecks, p.missing);
  if (r === FEN_FALLBACK || blocked(p, r, c.input, asOf, given)) return ON_DECIMAL;
  writeValues(p, dst);
  let complete = true;
  for (let n = 0; n < p.which.length && complete; n++) complete = p.vals[n] !== UNAVAILABLE;
  if (complete) return ON_FEN;
  p.outcome = fenOutcome(M, c.input, asOf, given, p.which, p.vals, p.missing);
  return NOT_OK_ON_FEN;
}

/** The fen values of a case into dst, as JSON or scaled (an UNAVAILABLE one as null). */
function writeValues(p: Plan, dst: unknown[]): void {
  const M = p.M;
  const F = M.fen!;
  for (let n = 0; n < p.which.length; n++) {
    const i = p.which[n]!;
    const s = F.rules[i]!.scale;
    const v = p.vals[n];
    if (v === UNAVAILABLE) dst[n] = null;
    else dst[n] = p.scaled && s !== null ? v : fenJson(M, M.rules[i]!.type, v, s);
  }
}

/** A decimal-path value as its integer at the fen scale, when the integer gives back exactly this
 * text (as the fen path writes it: "-0.00" stays text, so an integer always reads as its value). */
function scaledOf(M: PolicyModel, i: number, text: string, s: number): unknown {
  const t = toScaled(text, s);
  return t !== undefined && fenJson(M, M.rules[i]!.type, t, s) === text ? t : text;
}

/** Whether an error-severity check holds for a case the fen path answered. */
function blocked(p: Plan, r: number, input: unknown, asOf: string, given: Record<string, unknown> | null): boolean {
  if (p.hits === null) return false;
  if (r === FEN_DONE_CHECKS_PENDING) return !checksOf(p.M, input, asOf, given).ok;
  for (let n = 0; n < p.hits.length; n++) if (p.errorChecks[p.hits[n]!]) return true;
  return false;
}

function inForce(M: PolicyModel, asOf: string, p: Plan): boolean {
  if (typeof asOf !== 'string' || !isValidDate(asOf) || (M.info.effective !== null && asOf < M.info.effective)) return false;
  p.goodAsOf = asOf;
  return true;
}

function caseAt(cases: ColumnarCases, i: number): BatchCase {
  const input: Record<string, unknown> = {};
  for (const k of Object.keys(cases.input)) {
    const v = cases.input[k]![i];
    if (v !== undefined && v !== null) input[k] = v;
  }
  const c: BatchCase = { input };
  if (cases.parameters !== undefined) {
    const ps: Record<string, unknown> = {};
    for (const k of Object.keys(cases.parameters)) {
      const v = cases.parameters[k]![i];
      if (v !== undefined && v !== null) ps[k] = v;
    }
    c.parameters = ps;
  }
  if (cases.asOf !== undefined) c.asOf = cases.asOf[i]!;
  return c;
}

/** A columnar batch through its column kernel (runtime/fenColumns.ts): one generated loop reads
 * every case from the columns and writes its fen values; each case it did not answer (absent or
 * unexpected values, out of range, an error check holds) goes through `one` as in the per-case
 * path. Returns the fen count, or -1 when no kernel takes the batch (per-case dates, unknown
 * keys, …): the caller then runs the per-case path for all. */
function columnsFast(p: Plan, cases: ColumnarCases, options: BatchOptions, cols: unknown[][], ok: Uint8Array, failures: Map<number, Outcome>): number {
  const asOf = options.asOf;
  if (!p.fen || cases.asOf !== undefined || asOf === undefined || !(asOf === p.goodAsOf || inForce(p.M, asOf, p))) return -1;
  const n = cases.length;
  if (typeof cases.input !== 'object' || cases.input === null) return -1;
  const inKeys = Object.keys(cases.input);
  let gKeys: string[] | null = null;
  let GC: ArrayLike<unknown>[] = [];
  if (cases.parameters !== undefined) {
    if (typeof cases.parameters !== 'object' || cases.parameters === null) return -1;
    const ps = cases.parameters;
    gKeys = Object.keys(ps);
    GC = gKeys.map((k) => ps[k]!);
  } else if (options.parameters !== undefined) {
    const g = options.parameters;
    if (typeof g !== 'object' || g === null || Array.isArray(g)) return -1;
    gKeys = Object.keys(g);
    GC = gKeys.map((k) => new Array<unknown>(n).fill(g[k])); // the same override for every case
  }
  const k = fenColumnKernel(p.M, p.P, p.which, asOf, inKeys, gKeys, p.errorChecks);
  if (k === null) return -1;
  const IC = inKeys.map((key) => cases.input[key]!);
  const st = new Uint8Array(n);
  // scaled numeric outputs straight into their columns; the others through a column of fen values
  const direct = p.which.map((_, m) => p.scaled && p.scales[m] !== null);
  const out = p.which.map((_, m) => (direct[m] ? cols[m]! : new Array<unknown>(n)));
  if (!k(IC, GC, 0, n, out, st)) return -1;
  let fen = 0;
  for (let j = 0; j < n; j++) if (st[j] === 1) fen++;
  fenStats.answered += fen;
  for (let m = 0; m < out.length; m++) {
    if (direct[m]) continue;
    const src = out[m]!;
    const col = cols[m]!;
    const i = p.which[m]!;
    const s = p.M.fen!.rules[i]!.scale;
    const t = p.M.rules[i]!.type;
    if (t.kind === 'money' && s === 2) {
      for (let j = 0; j < n; j++) if (st[j] === 1) col[j] = fenValueText(src[j] as number);
    } else {
      for (let j = 0; j < n; j++) if (st[j] === 1) col[j] = fenJson(p.M, t, src[j], s);
    }
  }
  const dst = new Array<unknown>(p.which.length);
  for (let j = 0; j < n; j++) {
    if (st[j] === 1) {
      ok[j] = 1;
      continue;
    }
    const r = one(p, caseAt(cases, j), options, dst);
    if (r === ON_FEN || r === NOT_OK_ON_FEN) fen++;
    for (let m = 0; m < cols.length; m++) cols[m]![j] = dst[m];
    if (r >= 0) ok[j] = 1;
    else failures.set(j, p.outcome!);
  }
  return fen;
}

function isColumnar(cases: ArrayLike<BatchCase> | ColumnarCases): cases is ColumnarCases {
  return (cases as ColumnarCases).input !== undefined && typeof (cases as ColumnarCases).length === 'number' && !Array.isArray(cases);
}

/** Evaluates every case; the results as one column per output. */
export function evaluateColumns(policy: LoadedPolicy, cases: ArrayLike<BatchCase> | ColumnarCases, options: BatchOptions): BatchColumns {
  const p = plan(policy, options);
  const n = cases.length;
  const cols = options.outputs.map(() => new Array<unknown>(n));
  const ok = new Uint8Array(n);
  const failures = new Map<number, Outcome>();
  const dst = new Array<unknown>(options.outputs.length);
  const columnar = isColumnar(cases);
  let fen = 0;
  const fast = columnar ? columnsFast(p, cases, options, cols, ok, failures) : -1;
  if (fast >= 0) fen = fast;
  else for (let i = 0; i < n; i++) {
    const c = columnar ? caseAt(cases, i) : (cases as ArrayLike<BatchCase>)[i]!;
    const r = one(p, c, options, dst);
    if (r === ON_FEN || r === NOT_OK_ON_FEN) fen++;
    for (let k = 0; k < cols.length; k++) cols[k]![i] = dst[k];
    if (r >= 0) ok[i] = 1;
    else failures.set(i, p.outcome!);
  }
  const columns: Record<string, unknown[]> = {};
  options.outputs.forEach((name, k) => Object.defineProperty(columns, name, { value: cols[k], enumerable: true, writable: true, configurable: true }));
  return { length: n, columns, ok, failures, fen };
}

/** Evaluates cases one after another as they are pulled (memory stays bounded by the caller). */
export function* evaluateRows(policy: LoadedPolicy, cases: Iterable<BatchCase>, options: BatchOptions): Generator<BatchRow> {
  const p = plan(policy, options);
  let index = 0;
  for (const c of cases) {
    const values = new Array<unknown>(options.outputs.length);
    const row: BatchRow = { index: index++, ok: one(p, c, options, values) >= 0, values };
    if (!row.ok) row.outcome = p.outcome!;
    yield row;
  }
}

/** Evaluates an (async) stream of cases; yields rows in chunks of `chunk` (default 1024). */
export async function* evaluateStream(
  policy: LoadedPolicy,
  cases: AsyncIterable<BatchCase> | Iterable<BatchCase>,
  options: BatchOptions & { chunk?: number },
): AsyncGenerator<BatchRow[]> {
  const p = plan(policy, options);
  const size = Math.max(1, options.chunk ?? 1024);
  let index = 0;
  let buf: BatchRow[] = [];
  for await (const c of cases as AsyncIterable<BatchCase>) {
    const values = new Array<unknown>(options.outputs.length);
    const row: BatchRow = { index: index++, ok: one(p, c, options, values) >= 0, values };
    if (!row.ok) row.outcome = p.outcome!;
    buf.push(row);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length > 0) yield buf;
}
