// Evaluation on the fen path (compiler/codegenFen.ts): integer fixed-point functions per rule,
// a small per-case context, parameters and table cells converted once per date and cached
// (never per case), per-case overrides and inputs parsed straight to scaled integers, outputs
// formatted from the integers. Anything this path is not sure of throws FALLBACK and the
// caller (runtime/evaluate.ts) evaluates the case on the decimal path instead.
import * as dates from './dates.ts';
import { Decimal } from './money.ts';
import { pickVersion } from './lookup.ts';
import type { PolicyModel, RtType } from './model.ts';
import type { NeedsAt, Prepared } from './prepared.ts';
import type { Outcome, OutputValue } from './outcome.ts';
import { Ctx } from './context.ts';
import { param as decParam, table as decTable } from './policyData.ts';
import { needsAt } from './needs.ts';
import { outputValue } from './display.ts';
import { groupThousands } from './format.ts';
import { FALLBACK, MISSING, POW10, add, sub, mul, up, neg, ck, roundDrop, toScaled, scaledText, moneyScaledText } from './fen.ts';
import { setOwn } from './own.ts';
import { toJson } from './convert.ts';
import { LazyOutcome, type OutcomeShape } from './lazyOutcome.ts';
import { fenDisplayText, fenValueText } from './fenText.ts';
import { FORBIDDEN_KEYS, fastField, fastValue } from './fastCheck.ts';
import { MAX_TEXT_CHARS } from './limits.ts';
import { kernelFor, type FenSource, type Kernel, type KernelHost } from './fenKernel.ts';

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
  /** requested rule indices (the array evaluate passes, stable per outputs list) → outcome shape */
  shapes: WeakMap<readonly number[], OutcomeShape>;
}

function state(M: PolicyModel, P: Prepared): FenState {
  let st = P.fenState as FenState | null;
  if (st === null) {
    const scratch = new Ctx(M, P);
    scratch.asOf = '\u0000'; // never an as-of date: lookups through it are not memoised
    st = { scratch, paramAt: new Map(), tableAt: M.tables.map(() => new Map()), free: null, host: null, shapes: new WeakMap() };
    P.fenState = st;
  }
  return st;
}

const BOUNDED = 4096;

export class FenCtx {
  /** rule values [0, R) then converted inputs [R, R+I) */
  readonly s: unknown[];
  readonly io: number;
  /** slots written during this case: touched[0, tn) (a counter: resetting an array's length is slow) */
  readonly touched: number[];
  tn = 0;
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
  if (raw === undefined) throw MISSING;
  const I = fx.M.inputs[k]!; // absent: a check is skipped, a rule is unavailable (decimal path)
  const v = convertRaw(fx.P, fx.F.inputScales[k]!, I.type, raw, false);
  fx.s[fx.io + k] = v;
  fx.touch(fx.io + k);
  return v;
}

/** A validated input or override value → fen value; FALLBACK when not sure. */
function convertRaw(P: Prepared, scale: number | null, t: RtType, raw: unknown, override: boolean): unknown {
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'number':
    case 'integer':
    case 'duration':
      return numericRaw(t.kind, scale!, raw, override);
    case 'enum': {
      if (typeof raw !== 'string') throw FALLBACK;
      const i = P.enumIndex.get(t.name)?.get(raw);
      if (i === undefined) throw FALLBACK;
      return i;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw FALLBACK;
      return raw;
    case 'date':
      if (!dates.isValidDate(raw)) throw FALLBACK;
      return raw;
    case 'text':
      if (typeof raw !== 'string') throw FALLBACK;
      return raw;
    default:
      throw FALLBACK;
  }
}

/** A case's scalar value → its fen value, or undefined when not sure. Success implies what
 * runtime/fastCheck.ts fastValue checks: a decimal string that ends in a digit and parses is
 * /^-?\d+(\.\d+)?$/ (parseScaled takes no sign but a leading "-", no empty part, one point),
 * and money is not negative (a "-" text is left to fastValue, which accepts "-0" only),
 * a rate's "%"/"‰" form is RATE_TEXT, enum members, booleans, dates and texts alike. */
function numericRaw(kind: string, scale: number, raw: unknown, override: boolean): number {
  if (typeof raw === 'string' && raw.charCodeAt(raw.length - 1) > 57 && kind !== 'rate') throw FALLBACK; // "%" only for rates
  const n = toScaled(raw, scale);
  if (n === undefined || (override && n < 0)) throw FALLBACK;
  if ((kind === 'integer' || kind === 'duration') && typeof raw !== 'number') throw FALLBACK;
  return n;
}

/** convertRaw of an override with the type and scale fixed (a kernel's per-parameter reader). */
function overriderFor(P: Prepared, scale: number | null, t: RtType): (raw: unknown) => unknown {
  const kind = t.kind;
  if (scale !== null && (kind === 'money' || kind === 'rate' || kind === 'number' || kind === 'integer' || kind === 'duration')) {
    return (raw) => numericRaw(kind, scale, raw, true);
  }
  return (raw) => convertRaw(P, scale, t, raw, true);
}

function tryConvert(P: Prepared, scale: number | null, t: RtType, raw: unknown): unknown {
  switch (t.kind) {
    case 'money':
      return scale === null ? undefined : moneyIn(scale, raw);
    case 'number':
      return scale === null ? undefined : numberIn(scale, raw);
    case 'rate':
      return scale === null ? undefined : toScaled(raw, scale);
    case 'integer':
    case 'duration':
      return scale === null ? undefined : countIn(scale, raw);
    case 'enum':
      return typeof raw === 'string' ? P.enumIndex.get(t.name)?.get(raw) : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date':
      return dates.isValidDate(raw) ? raw : undefined;
    case 'text':
      return textIn(raw);
    default:
      return undefined;
  }
}

/** tryConvert with the type and scale fixed: what a kernel (runtime/fenKernel.ts) calls per
 * input, without the switch. The same functions as tryConvert's, so both accept the same. */
function converterFor(P: Prepared, scale: number | null, t: RtType): (raw: unknown) => unknown {
  const none = () => undefined;
  switch (t.kind) {
    case 'money':
      return scale === null ? none : (raw) => moneyIn(scale, raw);
    case 'number':
      return scale === null ? none : (raw) => numberIn(scale, raw);
    case 'rate':
      return scale === null ? none : (raw) => toScaled(raw, scale);
    case 'integer':
    case 'duration':
      return scale === null ? none : (raw) => countIn(scale, raw);
    case 'enum': {
      const members = P.enumIndex.get(t.name);
      return members === undefined ? none : (raw) => (typeof raw === 'string' ? members.get(raw) : undefined);
    }
    case 'boolean':
      return (raw) => (typeof raw === 'boolean' ? raw : undefined);
    case 'date':
      return (raw) => (dates.isValidDate(raw) ? raw : undefined);
    case 'text':
      return textIn;
    default:
      return none;
  }
}

function moneyIn(scale: number, raw: unknown): number | undefined {
  if (typeof raw === 'string') {
    const last = raw.charCodeAt(raw.length - 1);
    if (last < 48 || last > 57) return undefined;
    if (raw.charCodeAt(0) === 45) return undefined; // "-…": fastValue decides
  } else if (typeof raw === 'number' && !(raw >= 0)) return undefined;
  return toScaled(raw, scale);
}

function numberIn(scale: number, raw: unknown): number | undefined {
  if (typeof raw === 'string') {
    const last = raw.charCodeAt(raw.length - 1);
    if (last < 48 || last > 57) return undefined;
  }
  return toScaled(raw, scale);
}

function countIn(scale: number, raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? toScaled(raw, scale) : undefined;
}

// an over-long text is left to fastValue, which refuses it (XI015)
function textIn(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length <= MAX_TEXT_CHARS ? raw : undefined;
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

// ---- outputs

const SUFFIX = { days: '天', months: '个月', workdays: '个工作日' } as const;

/** The OutputValue of a fen value, formatted exactly as runtime/display.ts formats the decimal. */
function fenOutput(M: PolicyModel, t: RtType, v: unknown, scale: number | null): OutputValue {
  if (scale === null) return outputValue(M, t, v);
  const n = v as number;
  switch (t.kind) {
    case 'money': {
      const value = moneyScaledText(n, scale);
      return { type: 'money', value, display: `${groupThousands(value)}元` };
    }
    case 'rate': {
      const value = scaledText(n, scale);
      return { type: 'rate', value, display: `${scale >= 2 ? scaledText(n, scale - 2) : scaledText(n * POW10[2 - scale]!, 0)}%` };
    }
    case 'number': {
      const value = scaledText(n, scale);
      return { type: 'number', value, display: value };
    }
    case 'integer':
    case 'duration': {
      const text = scaledText(n, scale);
      const value = n % POW10[scale]! === 0 ? n / POW10[scale]! : text;
      if (t.kind === 'duration') return { type: t.unit, value, display: `${text}${SUFFIX[t.unit]}` };
      return { type: 'integer', value, display: text };
    }
    default:
      throw FALLBACK;
  }
}

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
      writer: (which) => writerFor(M, which),
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
    for (let n = 0; n < which.length; n++) {
      const rn = needs.rules[which[n]!]!;
      for (let m = 0; m < rn.length; m++) if (!has(fx, rn[m]!)) throw FALLBACK; // unavailable: decimal reports it
    }
    for (let n = 0; n < which.length; n++) {
      const i = which[n]!;
      vals[n] = fx.s[i] ?? rule(fx, i);
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
  if (computeFen(M, P, input, asOf, given, which, vals, null) === FEN_FALLBACK) return null;
  // the checks run later, from a copy of the case as it is now (the caller may reuse its objects);
  // the output texts are written from `vals` when first read
  let shape = st.shapes.get(which);
  if (shape === undefined) {
    shape = { M, which, write: writerFor(M, which), inKeys: null, gKeys: null };
    st.shapes.set(which, shape);
  }
  vals[which.length] = snapshot(input);
  vals[which.length + 1] = given === null ? null : snapshot(given);
  return new LazyOutcome(shape, asOf, vals);
}

/** The outputs of a LazyOutcome, formatted from the fen values exactly as runtime/display.ts
 * formats the decimal. */
function writeOutputs(M: PolicyModel, which: readonly number[], vals: unknown[]): Record<string, OutputValue> {
  const out: Record<string, OutputValue> = {};
  const F = M.fen!;
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    const R = M.rules[i]!;
    setOwn(out, R.name, fenOutput(M, R.type, vals[n], F.rules[i]!.scale));
  }
  return out;
}

/** Money in fen, as fenOutput writes it at scale 2. */
function moneyOut2(n: number): OutputValue {
  const value = fenValueText(n);
  return { type: 'money', value, display: fenDisplayText(n, value) };
}

/** The writer of the outputs record for these requested rules: one generated function whose
 * object literal has the outputs' names in order (one object shape, no store per key), money in
 * fen written by moneyOut2. writeOutputs itself when a name needs care (a "__proto__" or
 * "constructor" key, a name that is an array index, a name asked twice) or when `new Function`
 * is not allowed. Same record, same key order, same values. */
function writerFor(M: PolicyModel, which: readonly number[]): OutcomeShape['write'] {
  const generic = (vals: unknown[]) => writeOutputs(M, which, vals);
  const F = M.fen!;
  const names = new Set<string>();
  const fields: string[] = [];
  const outs: ((v: unknown) => OutputValue)[] = [];
  for (let n = 0; n < which.length; n++) {
    const R = M.rules[which[n]!]!;
    if (FORBIDDEN_KEYS.has(R.name) || names.has(R.name) || /^\d/.test(R.name)) return generic;
    names.add(R.name);
    const scale = F.rules[which[n]!]!.scale;
    if (R.type.kind === 'money' && scale === 2) fields.push(`${JSON.stringify(R.name)}: M2(v[${n}])`);
    else {
      const t = R.type;
      outs.push((v) => fenOutput(M, t, v, scale));
      fields.push(`${JSON.stringify(R.name)}: G[${outs.length - 1}](v[${n}])`);
    }
  }
  try {
    const make = new Function('M2', 'G', `"use strict"; return function write(v) { return { ${fields.join(', ')} }; };`);
    return make(moneyOut2, outs) as OutcomeShape['write'];
  } catch {
    return generic;
  }
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

/** The JSON value of a fen value (OutputValue.value without the display text). */
export function fenJson(M: PolicyModel, t: RtType, v: unknown, scale: number | null): unknown {
  if (scale === null) return toJson(M, t, v);
  const n = v as number;
  switch (t.kind) {
    case 'money':
      return moneyScaledText(n, scale);
    case 'rate':
    case 'number':
      return scaledText(n, scale);
    default:
      return n % POW10[scale]! === 0 ? n / POW10[scale]! : scaledText(n, scale);
  }
}
