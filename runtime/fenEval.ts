// Evaluation on the fen path (compiler/codegenFen.ts): integer fixed-point functions per rule,
// a small per-case context, parameters and table cells converted once per date and cached
// (never per case), per-case overrides and inputs parsed straight to scaled integers, outputs
// formatted from the integers. Anything this path is not sure of throws FALLBACK and the
// caller (runtime/evaluate.ts) evaluates the case on the decimal path instead.
import * as dates from './dates.ts';
import { Decimal } from './money.ts';
import { pickVersion } from './lookup.ts';
import type { PolicyModel } from './model.ts';
import type { NeedsAt, Prepared } from './prepared.ts';
import type { Outcome } from './outcome.ts';
import { Ctx } from './context.ts';
import { param as decParam, table as decTable } from './policyData.ts';
import { needsAt } from './needs.ts';
import { FALLBACK, MISSING, UNAVAILABLE, POW10, add, sub, mul, up, neg, ck, roundDrop, rounder, toScaled } from './fen.ts';
import { setOwn } from './own.ts';
import { LazyOutcome, type OutcomeShape } from './lazyOutcome.ts';
import { FORBIDDEN_KEYS, fastField, fastValue } from './fastCheck.ts';
import { convertRaw, converterFor, overriderFor, tryConvert } from './fenConvert.ts';
import { writeOutputs, writerFor } from './fenOutputs.ts';
import { BATCH_UNSURE, kernelFor, type FenSource, type Kernel, type KernelHost } from './fenKernel.ts';
import { columnKernel, type ColumnFill } from './fenColumns.ts';

export interface FenRule {
  fn: (fx: FenCtx) => unknown;
  /** scale of the (rounded) value; null when the rule is not numeric */
  scale: number | null;
}

/** The `fen` entry of a policy model (emitted by compiler/codegenFen.ts). */
export interface FenModel {
  rules: (FenRule | null)[];
  /** per rule: its token text, from which runtime/fenKernel.ts builds straight-line kernels
   * (absent in models generated before kernels) */
  src?: (FenSource | null)[];
  /** per check: its condition on the fen path (null = decimal only) */
  checks: (((fx: FenCtx) => unknown) | null)[];
  /** per check: its condition's token text (the batch API's kernels; absent in older models) */
  checkSrc?: (FenSource | null)[];
  inputScales: (number | null)[];
  paramScales: (number | null)[];
  tableScales: (number | null)[];
}

/** What the fen path keeps per model: caches by date, a scratch decimal context for lookups. */
interface FenState {
  scratch: Ctx;
  /** date → parameter values at that date (undefined = not yet converted) */
  paramAt: Map<string, unknown[]>;
  /** table index → date → key → cell value */
  tableAt: Map<string, Map<unknown, unknown>>[];
  free: FenCtx | null;
  host: KernelHost | null;
  /** requested rule indices → outcome shape of the generic path, by content (a caller may pass
   * a new outputs array per case: one generated writer per list, not per case) */
  shapes: Map<string, OutcomeShape>;
  /** the last indices array and its shape (the common case: the same array again) */
  lastWhich: readonly number[] | null;
  lastShape: OutcomeShape | null;
  /** requested rule indices → generated outputs writer (runtime/fenOutputs.ts writerFor) */
  writers: Map<string, OutcomeShape['write']>;
}

function state(M: PolicyModel, P: Prepared): FenState {
  let st = P.fenState as FenState | null;
  if (st === null) {
    const scratch = new Ctx(M, P);
    scratch.asOf = '\u0000'; // never an as-of date: lookups through it are not memoised
    st = { scratch, paramAt: new Map(), tableAt: M.tables.map(() => new Map()), free: null, host: null, shapes: new Map(), lastWhich: null, lastShape: null, writers: new Map() };
    P.fenState = st;
  }
  return st;
}

const BOUNDED = 4096;
/** at most this many outputs lists keep a generated writer (each is a compiled function) */
const WRITERS_BOUNDED = 256;

export class FenCtx {
  /** rule values [0, R) then converted inputs [R, R+I) */
  readonly s: unknown[];
  readonly io: number;
  /** slots written during this case: touched[0, tn) (a counter: resetting an array's length is slow) */
  readonly touched: number[];
  tn = 0;
  /** the input whose absence stopped the last rule (MISSING), for the unavailable output's names */
  miss = -1;
  asOf = '';
  /** per parameter index: the case's override (converted), or undefined */
  readonly ov: unknown[];
  private readonly ovSet: number[];
  private on = 0;
  /** parameter values at the as-of date */
  pa: unknown[] = [];
  /** the needs graph at the as-of date */
  needs: NeedsAt | null = null;
  /** per input index: the case's raw (validated) value, undefined when absent */
  readonly raw: unknown[];
  private readonly rawSet: number[];
  private rn = 0;
  constructor(
    readonly M: PolicyModel,
    readonly P: Prepared,
    readonly F: FenModel,
    readonly st: FenState,
  ) {
    this.io = M.rules.length;
    this.s = new Array(this.io + M.inputs.length).fill(undefined);
    this.touched = new Array(this.io + M.inputs.length).fill(0);
    this.ov = new Array(M.params.length).fill(undefined);
    this.ovSet = new Array(M.params.length).fill(0);
    this.raw = new Array(M.inputs.length).fill(undefined);
    this.rawSet = new Array(M.inputs.length).fill(0);
  }
  /** Reads the case's input into `raw`, checking each value as runtime/fastCheck.ts does
   * (one walk instead of a check and then a lookup per read). False = not sure: the caller
   * validates the input in full. */
  load(input: unknown): boolean {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return false;
    const M = this.M;
    const P = this.P;
    const byName = P.inputByName;
    const keys = Object.keys(input);
    let present = 0;
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n]!;
      const i = byName.get(k);
      if (i === undefined) return false; // unknown keys
      if (FORBIDDEN_KEYS.has(k)) return false;
      const I = M.inputs[i]!;
      const v = (input as Record<string, unknown>)[k];
      // converting a scalar proves it valid (see tryConvert); anything else is checked as fastValid does
      // a field with 范围 is checked against it and converted on first read
      const c = I.range === undefined ? tryConvert(P, this.F.inputScales[i]!, I.type, v) : fastField(M, P, I, v) ? undefined : FALLBACK;
      if (c === FALLBACK) return false;
      if (c !== undefined) {
        this.s[this.io + i] = c;
        this.touch(this.io + i);
      } else if (I.range === undefined && !fastValue(M, P, I.type, v)) return false;
      if (!I.optional) present++;
      this.raw[i] = v;
      this.rawSet[this.rn++] = i;
    }
    return present === P.requiredInputs;
  }
  setOverride(i: number, v: unknown): void {
    if (this.ov[i] === undefined) this.ovSet[this.on++] = i;
    this.ov[i] = v;
  }
  touch(j: number): void {
    this.touched[this.tn++] = j;
  }
  clear(): void {
    const s = this.s;
    const tm = this.touched;
    for (let n = 0; n < this.tn; n++) s[tm[n]!] = undefined;
    this.tn = 0;
    for (let n = 0; n < this.on; n++) this.ov[this.ovSet[n]!] = undefined;
    this.on = 0;
    for (let n = 0; n < this.rn; n++) this.raw[this.rawSet[n]!] = undefined;
    this.rn = 0;
  }
}

function paramsAt(st: FenState, M: PolicyModel, d: string): unknown[] {
  let a = st.paramAt.get(d);
  if (a === undefined) {
    if (st.paramAt.size >= BOUNDED) st.paramAt.clear();
    a = new Array(M.params.length).fill(undefined);
    st.paramAt.set(d, a);
  }
  return a;
}

/** An internal (decimal-path) value → the fen representation at `scale`. */
function fromInternal(v: unknown, scale: number | null): unknown {
  if (scale === null) return v;
  if (!(v instanceof Decimal) || !v.isFinite()) throw FALLBACK;
  const n = toScaled(v.toFixed(), scale);
  if (n === undefined) throw FALLBACK;
  return n;
}

// ---- the support object generated fen code calls (`F`)

function rule(fx: FenCtx, i: number): unknown {
  const R = fx.F.rules[i];
  if (R === null || R === undefined) throw FALLBACK;
  const v = R.fn(fx);
  fx.s[i] = v;
  fx.touch(i);
  return v;
}

function inp(fx: FenCtx, k: number): unknown {
  const raw = fx.raw[k];
  if (raw === undefined) {
    fx.miss = k; // absent: a check is skipped, an output is unavailable (as on the decimal path)
    throw MISSING;
  }
  const I = fx.M.inputs[k]!;
  const v = convertRaw(fx.P, fx.F.inputScales[k]!, I.type, raw, false);
  fx.s[fx.io + k] = v;
  fx.touch(fx.io + k);
  return v;
}

function has(fx: FenCtx, k: number): boolean {
  return fx.raw[k] !== undefined;
}

function param(fx: FenCtx, i: number, at: string | null): unknown {
  const o = fx.ov[i];
  if (o !== undefined) return o; // an override wins at every date
  const a = at === null || at === fx.asOf ? fx.pa : paramsAt(fx.st, fx.M, at);
  let v = a[i];
  if (v === undefined) {
    v = fromInternal(decParam(fx.st.scratch, i, at ?? fx.asOf), fx.F.paramScales[i]!);
    a[i] = v;
  }
  return v;
}

function table(fx: FenCtx, i: number, key: unknown, at: string | null): unknown {
  const d = at ?? fx.asOf;
  const cells = fx.st.tableAt[i]!;
  let row = cells.get(d);
  if (row === undefined) {
    if (cells.size >= BOUNDED) cells.clear();
    row = new Map();
    cells.set(d, row);
  }
  let v = row.get(key);
  if (v === undefined) {
    const T = fx.M.tables[i]!;
    const k = T.keyType.kind === 'enum' ? key : new Decimal(key as number);
    v = fromInternal(decTable(fx.st.scratch, i, k, d), fx.F.tableScales[i]!);
    row.set(key, v);
  }
  return v;
}

function ver(fx: FenCtx, i: number): number {
  const v = pickVersion(fx.M.rules[i]!.layers!, fx.asOf);
  if (v === undefined) throw FALLBACK;
  return v.value;
}

function intOf(n: number, s: number): number {
  const d = POW10[s]!;
  if (n % d !== 0) throw FALLBACK;
  return n / d;
}

export const fenSupport = {
  FALLBACK,
  MISSING,
  add,
  sub,
  mul,
  up,
  neg,
  ck,
  roundDrop,
  rounder,
  intOf,
  rule,
  inp,
  has,
  param,
  table,
  ver,
  exc: (h: number[]): number => {
    if (h.length > 1) throw FALLBACK;
    return h.length === 0 ? -1 : h[0]!;
  },
  fallback: (): never => {
    throw FALLBACK;
  },
  clamp: (x: number, lo: number, hi: number): number => {
    if (lo > hi) throw FALLBACK;
    return x < lo ? lo : x > hi ? hi : x;
  },
  dateDiff: (a: string, b: string): number => dates.daysBetween(b, a),
  dateAdd: (d: string, k: number, unit: string, sign: number): string =>
    unit === 'days' ? dates.addDays(d, k * sign) : dates.addMonths(d, k * sign),
  monthAfter: (d: string) => dates.monthAfter(d),
  monthStart: (d: string) => dates.monthStart(d),
  yearEnd: (d: string) => dates.yearEnd(d),
  yearStart: (d: string) => dates.yearStart(d),
  addMonths: (d: string, n: number) => dates.addMonths(d, n),
  addDays: (d: string, n: number) => dates.addDays(d, n),
  daysBetween: (a: string, b: string) => dates.daysBetween(a, b),
  monthsBetween: (a: string, b: string) => dates.monthsBetween(a, b),
  ageAt: (b: string, d: string) => dates.ageAt(b, d),
  year: (d: string) => dates.yearOf(d),
  makeDate: (y: number, m: number, d: number) => dates.makeDate(y, m, d),
};

/** Whether every rule in `which` has a fen function. */
export function allFen(F: FenModel, which: readonly number[]): boolean {
  for (let n = 0; n < which.length; n++) if (F.rules[which[n]!] === null) return false;
  return true;
}

/** How many cases the fen path answered and handed back, since load (tests and benchmarks
 * read it to show that the path they measure is the one taken). */
export const fenStats = { answered: 0, fellBack: 0 };

/** evaluateFen results */
export const FEN_FALLBACK = 0;
export const FEN_DONE = 1;
export const FEN_DONE_CHECKS_PENDING = 2;

export { UNAVAILABLE };

/**
 * Computes the requested output rules on the fen path into `vals` (fen values, in `which`
 * order). Returns FEN_FALLBACK when the case must go to the decimal path; FEN_DONE when the
 * outputs (and, with `hits`, the checks) are done; FEN_DONE_CHECKS_PENDING when a check could
 * not be decided on the fen path and must still be run on the decimal path.
 */
/** What runtime/fenKernel.ts builds kernels with: this file's generic lookups and converters. */
function hostOf(M: PolicyModel, P: Prepared, F: FenModel, st: FenState): KernelHost {
  if (st.host === null) {
    st.host = {
      support: fenSupport,
      ctxAt: (asOf: string) => {
        const fx = new FenCtx(M, P, F, st);
        fx.asOf = asOf;
        fx.pa = paramsAt(st, M, asOf);
        fx.needs = needsAt(M, P, asOf);
        return fx;
      },
      param: (cx, i, at) => param(cx as FenCtx, i, at),
      table: (cx, i, key, at) => table(cx as FenCtx, i, key, at),
      converter: (scale, t) => converterFor(P, scale, t),
      overrider: (scale, t) => overriderFor(P, scale, t),
      writer: (which) => writerOf(M, st, which),
      copy: snapshot,
    };
  }
  return st.host;
}

export function computeFen(
  M: PolicyModel,
  P: Prepared,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
  which: readonly number[],
  vals: unknown[],
  /** when given, the checks are run too and the indices of those that hold pushed here */
  hits: number[] | null = null,
  /** count the case in fenStats (not when only its checks are run, on first read) */
  count = true,
  /** per check, whether to run it (the batch API runs only the error-severity ones); null = all */
  onlyChecks: readonly boolean[] | null = null,
  /** when given, an output whose needed inputs are absent gets UNAVAILABLE in `vals` and the
   * absent inputs' names here (in `which` order, as runtime/evaluate.ts lists them) instead
   * of handing the case back; entries of available outputs are left alone */
  missing: (string[] | undefined)[] | null = null,
): number {
  const F = (M as PolicyModel & { fen: FenModel }).fen;
  const st = state(M, P);
  let fx = st.free;
  if (fx === null) fx = new FenCtx(M, P, F, st);
  else st.free = null;
  if (fx.asOf !== asOf) {
    fx.asOf = asOf;
    fx.pa = paramsAt(st, M, asOf);
    fx.needs = needsAt(M, P, asOf);
  }
  try {
    if (!fx.load(input)) throw FALLBACK; // not sure it is valid: the full path validates it
    if (given !== null) {
      for (const key in given) {
        if (!Object.hasOwn(given, key)) continue;
        const i = P.paramIndex.get(key);
        if (i === undefined) throw FALLBACK; // XR010 on the decimal path
        const p = M.params[i]!;
        if (p.range) throw FALLBACK; // the decimal path checks the declared range (XR040)
        fx.setOverride(i, convertRaw(P, F.paramScales[i]!, p.type, given[key], true));
      }
    }
    const needs = fx.needs!;
    if (missing === null) {
      for (let n = 0; n < which.length; n++) {
        const rn = needs.rules[which[n]!]!;
        for (let m = 0; m < rn.length; m++) if (!has(fx, rn[m]!)) throw FALLBACK; // unavailable: decimal reports it
      }
      for (let n = 0; n < which.length; n++) {
        const i = which[n]!;
        vals[n] = fx.s[i] ?? rule(fx, i);
      }
    } else {
      // as runtime/evaluate.ts evaluateWith: the inputs an output certainly reads first, then an
      // input read on the way (MISSING) makes it unavailable; any other failure hands the case back
      for (let n = 0; n < which.length; n++) {
        const i = which[n]!;
        const rn = needs.rules[i]!;
        let names: string[] | undefined;
        for (let m = 0; m < rn.length; m++) if (!has(fx, rn[m]!)) (names ??= []).push(M.inputs[rn[m]!]!.name);
        if (names !== undefined) {
          vals[n] = UNAVAILABLE;
          missing[n] = names;
          continue;
        }
        try {
          vals[n] = fx.s[i] ?? rule(fx, i);
        } catch (e) {
          if (e !== MISSING) throw e;
          vals[n] = UNAVAILABLE;
          missing[n] = [M.inputs[fx.miss]!.name];
        }
      }
    }
    if (count) fenStats.answered++;
    if (hits === null) return FEN_DONE;
    // checks: skipped when they certainly read an absent input or read one on the way (as the
    // decimal path does); one the fen path cannot finish leaves all checks to the decimal path
    for (let c = 0; c < needs.checks.length; c++) {
      if (onlyChecks !== null && !onlyChecks[c]) continue;
      const cn = needs.checks[c]!;
      let all = true;
      for (let m = 0; m < cn.length && all; m++) all = has(fx, cn[m]!);
      if (!all) continue;
      const cond = F.checks[c];
      if (cond === null || cond === undefined) return FEN_DONE_CHECKS_PENDING;
      try {
        if (cond(fx) === true) hits.push(c);
      } catch (e) {
        if (e !== MISSING) return FEN_DONE_CHECKS_PENDING;
      }
    }
    return FEN_DONE;
  } catch {
    // FALLBACK, or anything unexpected: the decimal path gives the answer (or the error)
    if (count) fenStats.fellBack++;
    return FEN_FALLBACK;
  } finally {
    fx.clear();
    st.free = fx;
  }
}

/** Runs only the checks on the fen path (`hits` gets the indices of those that hold); false
 * when the fen path cannot decide them all (the decimal path must run them). */
export function fenChecks(M: PolicyModel, P: Prepared, input: unknown, asOf: string, given: Record<string, unknown> | null, hits: number[]): boolean {
  return computeFen(M, P, input, asOf, given, NO_RULES, [], hits, false) === FEN_DONE;
}
const NO_RULES: readonly number[] = [];

/** The Outcome of a case on the fen path (outputs now, checks on first read), or null when the
 * case must go to the decimal path. */
export function evaluateFenLazy(
  M: PolicyModel,
  P: Prepared,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
  which: readonly number[],
): Outcome | null {
  const F = M.fen!;
  const st = state(M, P);
  // a straight-line kernel for this case's shape, once the shape has recurred: it reads each
  // value once and returns it with the outputs, so the outcome needs no copy of the case
  if (F.src !== undefined && input !== null && typeof input === 'object' && !Array.isArray(input) &&
      (given === null || (typeof given === 'object' && !Array.isArray(given)))) {
    let vals: unknown[] | null = null;
    let k: Kernel | null = null;
    try {
      k = kernelFor(M, P, hostOf(M, P, F, st), which, asOf, input, given);
      if (k !== null && k.run !== null) vals = k.run(input as Record<string, unknown>, given);
    } catch {
      vals = null; // e.g. a proxy whose traps throw: the generic path below decides
    }
    if (vals !== null) {
      fenStats.answered++;
      return new LazyOutcome(k!.shape!, asOf, vals);
    }
  }
  const vals = new Array(which.length + 2);
  if (computeFen(M, P, input, asOf, given, which, vals, null, true, null, scratchMissing) === FEN_FALLBACK) return null;
  for (let n = 0; n < which.length; n++) {
    if (vals[n] === UNAVAILABLE) return fenOutcome(M, input, asOf, given, which, vals, scratchMissing);
  }
  // the checks run later, from a copy of the case as it is now (the caller may reuse its objects);
  // the output texts are written from `vals` when first read
  let shape: OutcomeShape | undefined;
  if (st.lastWhich === which) shape = st.lastShape!;
  else {
    const key = which.join(',');
    shape = st.shapes.get(key);
    if (shape === undefined) {
      if (st.shapes.size >= WRITERS_BOUNDED) st.shapes.clear();
      shape = { M, which: which.slice(), write: writerOf(M, st, which), inKeys: null, gKeys: null };
      st.shapes.set(key, shape);
    }
    st.lastWhich = which;
    st.lastShape = shape;
  }
  vals[which.length] = snapshot(input);
  vals[which.length + 1] = given === null ? null : snapshot(given);
  return new LazyOutcome(shape, asOf, vals);
}

/** The batch API's straight-line kernel for this case's shape (runtime/fenKernel.ts, `fill`):
 * the requested fen values into `dst`, the checks marked in `checks` run. BATCH_UNSURE when
 * there is no kernel for the shape (yet) or it is not sure: the caller runs computeFen. */
export function fillFen(
  M: PolicyModel,
  P: Prepared,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
  which: readonly number[],
  dst: unknown[],
  checks: readonly boolean[],
): number {
  const F = M.fen!;
  if (F.src === undefined || F.checkSrc === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) return BATCH_UNSURE;
  if (given !== null && (typeof given !== 'object' || Array.isArray(given))) return BATCH_UNSURE;
  try {
    const k = kernelFor(M, P, hostOf(M, P, F, state(M, P)), which, asOf, input, given, checks);
    if (k === null || k.fill === null) return BATCH_UNSURE;
    const r = k.fill(input as Record<string, unknown>, given, dst);
    if (r !== BATCH_UNSURE) fenStats.answered++;
    return r;
  } catch {
    return BATCH_UNSURE; // e.g. a proxy whose traps throw: the generic path decides
  }
}

/** The outputs writer of these requested rules, made once per list of indices. */
function writerOf(M: PolicyModel, st: FenState, which: readonly number[]): OutcomeShape['write'] {
  const key = which.join(',');
  let w = st.writers.get(key);
  if (w === undefined) {
    if (st.writers.size >= WRITERS_BOUNDED) st.writers.clear();
    w = writerFor(M, which.slice());
    st.writers.set(key, w);
  }
  return w;
}

/** computeFen's `missing` names for the generic path: only the entries of UNAVAILABLE outputs
 * are written and read (fenOutcome copies them), so one array serves every case. */
const scratchMissing: (string[] | undefined)[] = [];

/** The Outcome of a case computeFen answered with some outputs UNAVAILABLE (their absent inputs'
 * names in `missing`): the others listed in `unavailable` as the decimal path lists them, the
 * available outputs' texts written on first read; checks on first read, from a copy of the case
 * as it is now.
 * `vals` is not kept (the batch API passes its reused array). */
export function fenOutcome(
  M: PolicyModel,
  input: unknown,
  asOf: string,
  given: Record<string, unknown> | null,
  which: readonly number[],
  vals: readonly unknown[],
  missing: readonly (string[] | undefined)[],
): Outcome {
  const w = which.slice();
  const v: unknown[] = vals.slice(0, w.length);
  v.push(snapshot(input), given === null ? null : snapshot(given));
  const shape: OutcomeShape = { M, which: w, write: (x) => writeOutputs(M, w, x), inKeys: null, gKeys: null };
  const o = new LazyOutcome(shape, asOf, v);
  for (let n = 0; n < w.length; n++) {
    if (v[n] === UNAVAILABLE) setOwn(o.unavailable, M.rules[w[n]!]!.name, { missing: missing[n]!.slice() });
  }
  return o;
}

/** A copy of validated case data deep enough that later changes by the caller do not reach it
 * (a mapping of scalars, the common case, is copied with one spread). */
function snapshot<T>(o: T): T {
  if (o === null || typeof o !== 'object') return o;
  if (Array.isArray(o)) return o.map(snapshot) as T;
  const c: Record<string, unknown> = { ...(o as Record<string, unknown>) }; // spread defines own properties ("__proto__" too)
  for (const k in c) {
    const v = c[k];
    if (v !== null && typeof v === 'object') setOwn(c, k, snapshot(v));
  }
  return c as T;
}

/** The column kernel of a columnar batch's shape (runtime/fenColumns.ts), or null: the batch
 * then takes the per-case path. */
export function fenColumnKernel(
  M: PolicyModel,
  P: Prepared,
  which: readonly number[],
  asOf: string,
  inKeys: string[],
  gKeys: string[] | null,
  checks: readonly boolean[],
): ColumnFill | null {
  const F = M.fen;
  if (F === undefined || F.src === undefined || F.checkSrc === undefined) return null;
  return columnKernel(M, P, hostOf(M, P, F, state(M, P)), which, asOf, inKeys, gKeys, checks);
}
