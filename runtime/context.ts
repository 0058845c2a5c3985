// The evaluation support of generated policy code: the per-case context, memoised rules,
// layered lookups with tracing, input reading (optional inputs → "missing" signal), JSON
// conversion of values, and `evaluate` itself. Generated code reaches all of it through the
// single object `evalSupport` (runtime/index.ts re-exports it), so it never collides with the
// foundation's names.
//
// Internal value representation (what compiled expressions compute with):
//   money, rate, number, integer, days/months/workdays → Decimal
//   date → ISO string · text → string · boolean → boolean
//   enum → member index (number, declaration order) · list → array
//   record → array of field values in declaration order (absent optional field = undefined)
import { Decimal, dec, roundTo, formatRate, isDecimalInput, type RoundingMode, type RoundingUnit } from './money.ts';
import * as dates from './dates.ts';
import { XizeRuntimeError } from './errors.ts';
import { pickVersion, versionInLayer, findBand, type Layers, type TableBody, type BandRow, type Version } from './lookup.ts';
import { Tracer, type RuleTraceNode, type ParamTraceNode, type TraceNode } from './trace.ts';
import { evalText } from './evalMessages.ts';
import type {
  CaseInputError,
  EvaluateOptions,
  EvaluationError,
  JsonValue,
  LoadedPolicy,
  Outcome,
  OutputInfo,
  OutputValue,
  PolicyInfo,
} from './outcome.ts';
import { WorkCalendar } from './calendar.ts';
import { createValidator } from './validate.ts';

// ---------------------------------------------------------------- model (emitted by codegen)

/** Same shape as compiler/ir.ts XType (the runtime does not import the compiler). */
export type RtType =
  | { kind: 'money' | 'rate' | 'number' | 'integer' | 'boolean' | 'date' | 'text' }
  | { kind: 'duration'; unit: 'days' | 'months' | 'workdays' }
  | { kind: 'enum'; name: string }
  | { kind: 'record'; name: string }
  | { kind: 'list'; element: RtType };

export type ValueFn = (cx: Ctx, at: string) => unknown;

export interface NeedsNode {
  inputs: number[];
  rules: number[];
}

export interface ModelRounding {
  mode: RoundingMode;
  unit: RoundingUnit;
}

export interface PolicyModel {
  info: PolicyInfo;
  schema: Record<string, unknown>;
  outputs: OutputInfo[];
  enums: { name: string; members: string[] }[];
  records: { name: string; fields: { name: string; type: RtType; optional: boolean }[] }[];
  inputs: { name: string; type: RtType; optional: boolean }[];
  params: { name: string; type: RtType; cite?: string; layers: Layers<ValueFn> }[];
  tables: { name: string; keyType: RtType; valueType: RtType; cite?: string; layers: Layers<TableBody<ValueFn>> }[];
  bands: { name: string; keyType: RtType; valueType: RtType; cite?: string; layers: Layers<BandRow<ValueFn, ValueFn>[]> }[];
  rules: {
    name: string;
    type: RtType;
    cite?: string;
    rounding: ModelRounding | null;
    params: { name: string; type: RtType }[];
    /** computes the (unrounded) value; parameterised rules take their arguments after cx */
    fn: (cx: Ctx, ...args: any[]) => unknown;
    /** dated versions (value = branch index), when the rule has more than one or a dated one */
    layers: Layers<number> | null;
    exceptions: { cite?: string; policy: string }[];
    /** per version (branch order): optional inputs read and rules called unconditionally; null = unknown */
    deps: NeedsNode[] | null;
  }[];
  /** indices of the output rules (parameterless), in declaration order */
  outputRules: number[];
  checks: { name: string; severity: 'warning' | 'error'; message: string; cite?: string; deps: NeedsNode; cond: (cx: Ctx) => unknown }[];
  calendar: { holidays: string[]; workdays: string[] };
}

interface Prepared {
  enumIndex: Map<string, Map<string, number>>;
  enumMembers: Map<string, string[]>;
  records: Map<string, PolicyModel['records'][number]>;
  paramIndex: Map<string, number>;
  outputIndex: Map<string, number>;
  validate: ((input: unknown) => CaseInputError[]) | null;
  calendar: WorkCalendar | null;
  /** per as-of date: optional inputs each rule / check certainly reads */
  needsAt: Map<string, NeedsAt>;
  /** the last `options.outputs` array and its rule indices */
  lastOutputs: { names: readonly string[]; which: number[]; unknown: string[] } | null;
  /** a cleared context ready for the next case */
  free: Ctx | null;
  inputByName: Map<string, number>;
  requiredInputs: number;
  recordFieldIndex: Map<string, Map<string, number>>;
  recordRequired: Map<string, number>;
  /** the last as-of date found valid and in force */
  lastAsOf: string | null;
}

const prepared = new WeakMap<PolicyModel, Prepared>();

function prep(M: PolicyModel): Prepared {
  let p = prepared.get(M);
  if (p === undefined) {
    p = {
      enumIndex: new Map(M.enums.map((e) => [e.name, new Map(e.members.map((m, i) => [m, i]))])),
      enumMembers: new Map(M.enums.map((e) => [e.name, e.members])),
      records: new Map(M.records.map((r) => [r.name, r])),
      paramIndex: new Map(M.params.map((q, i) => [q.name, i])),
      outputIndex: new Map(M.outputRules.map((i) => [M.rules[i]!.name, i])),
      validate: null,
      calendar: null,
      lastOutputs: null,
      needsAt: new Map(),
      free: null,
      inputByName: new Map(M.inputs.map((f, i) => [f.name, i])),
      requiredInputs: M.inputs.filter((f) => !f.optional).length,
      recordFieldIndex: new Map(M.records.map((r) => [r.name, new Map(r.fields.map((f, i) => [f.name, i]))])),
      recordRequired: new Map(M.records.map((r) => [r.name, r.fields.filter((f) => !f.optional).length])),
      lastAsOf: null,
    };
    prepared.set(M, p);
  }
  return p;
}

// ---------------------------------------------------------------- signals and errors

/** Thrown (not an Error: no stack capture) when an absent optional input is read. */
export class MissingInput {
  constructor(readonly names: string[]) {}
}

/** An evaluation failure with an XR code from evalMessages.ts. */
export class EvalFailure extends XizeRuntimeError {
  readonly hint?: { zh: string; en: string };
  constructor(code: string, args: Record<string, string>) {
    const t = evalText(code, args);
    super(code, t.message, args);
    this.name = 'EvalFailure';
    if (t.hint) this.hint = t.hint;
  }
}

export function fail(code: string, args: Record<string, string> = {}): EvalFailure {
  return new EvalFailure(code, args);
}

/** The rule/check in which a failure arose (innermost first wins). */
const origin = new WeakMap<object, { rule: string; cite?: string }>();

function tagWith(e: unknown, name: string, cite: string | undefined): unknown {
  if (e !== null && typeof e === 'object' && !(e instanceof MissingInput) && !origin.has(e)) {
    origin.set(e, cite === undefined ? { rule: name } : { rule: name, cite });
  }
  return e;
}

// ---------------------------------------------------------------- context

const EMPTY: unknown[] = [];
const ZERO = new Decimal(0);
const BUSY = { sentinel: 'busy' };
const ABSENT = { sentinel: 'absent' };

/** The per-case context. One slot array memoises rules [0, R), parameters at the as-of date
 * [R, R+P) and converted inputs [R+P, R+P+I); the context is recycled between the cases of a
 * policy (only the touched slots are cleared), so a case allocates nothing here. */
export class Ctx {
  /** memo slots (undefined = not yet computed; BUSY / FAILED / ABSENT sentinels) */
  readonly s: unknown[];
  /** slots written during this case */
  readonly touched: number[] = [];
  /** per rule: BUSY while being computed, the failure once failed, else undefined */
  readonly st: unknown[];
  /** trace nodes of parameters memoised at the as-of date (explain only) */
  pn: (ParamTraceNode | undefined)[] = EMPTY as never[];
  /** offsets of the parameter and input slots */
  readonly po: number;
  readonly io: number;
  asOf = '';
  input: Record<string, unknown> = EMPTY_INPUT;
  /** per-case parameter overrides (internal values) by parameter index, or null */
  ov: unknown[] | null = null;
  /** the trace recorder, or null when explain is off */
  t: Tracer | null = null;
  /** every given input is already in its slot (an empty input slot means absent) */
  complete = false;
  /** memo slots as read by generated code's inline fast path (`s`, or EMPTY_FAST when tracing) */
  fast: unknown[];
  private ovBuf: unknown[] | null = null;
  private ovSet: unknown[] | null = null;
  constructor(
    readonly M: PolicyModel,
    readonly P: Prepared,
  ) {
    this.po = M.rules.length;
    this.io = this.po + M.params.length;
    this.s = new Array(this.io + M.inputs.length).fill(undefined);
    this.st = new Array(M.rules.length).fill(undefined);
    this.fast = this.s;
  }

  /** `overrides`: pairs of parameter index and internal value. */
  reset(asOf: string, input: Record<string, unknown>, overrides: unknown[] | null, t: Tracer | null): void {
    this.asOf = asOf;
    this.input = input;
    this.t = t;
    this.fast = t === null ? this.s : EMPTY_FAST;
    if (t !== null) this.pn = new Array(this.M.params.length);
    if (overrides !== null) {
      const ov = (this.ovBuf ??= new Array(this.M.params.length).fill(undefined));
      for (let n = 0; n < overrides.length; n += 2) ov[overrides[n] as number] = overrides[n + 1];
      this.ovSet = overrides;
      this.ov = ov;
    }
  }

  clear(): void {
    const s = this.s;
    const tm = this.touched;
    const st = this.st;
    const R = st.length;
    for (let n = 0; n < tm.length; n++) {
      const j = tm[n]!;
      s[j] = undefined;
      if (j < R) st[j] = undefined;
    }
    tm.length = 0;
    this.pn = EMPTY as never[];
    this.input = EMPTY_INPUT;
    if (this.ovSet !== null) {
      const ov = this.ovBuf!;
      for (let n = 0; n < this.ovSet.length; n += 2) ov[this.ovSet[n] as number] = undefined;
      this.ovSet = null;
    }
    this.ov = null;
    this.t = null;
    this.fast = this.s;
    this.complete = false;
  }
}

/** What generated code reads memoised rule values from while explain is on: always empty, so
 * every rule reference goes through E.rule (which records the trace). */
const EMPTY_FAST: unknown[] = Object.freeze([]) as unknown as unknown[];

const EMPTY_INPUT: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function acquire(M: PolicyModel, P: Prepared): Ctx {
  const cx = P.free;
  if (cx === null) return new Ctx(M, P);
  P.free = null;
  return cx;
}

function release(P: Prepared, cx: Ctx): void {
  cx.clear();
  P.free = cx;
}

function own(o: unknown, k: string): unknown {
  return o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k)
    ? (o as Record<string, unknown>)[k]
    : undefined;
}

function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

// ---------------------------------------------------------------- value conversion

const PCT_RE = /^(-?\d+(?:\.\d+)?)\s*(%|‰)$/;

function parseRate(x: unknown): Decimal | undefined {
  if (typeof x === 'string') {
    const m = PCT_RE.exec(x.trim());
    if (m) return dec(m[1]!).div(m[2] === '%' ? 100 : 1000);
  }
  return isDecimalInput(x) ? dec(x) : undefined;
}

/** A Decimal from validated decimal text / a finite number (dec() re-checks the syntax). */
function fastDec(raw: unknown): Decimal {
  if (typeof raw === 'string' && raw.length < 30) {
    const d = new Decimal(raw);
    return d.isZero() ? ZERO : d;
  }
  return dec(raw as string);
}

/** JSON (validated input or override) → internal value. */
export function fromJson(M: PolicyModel, type: RtType, raw: unknown): unknown {
  switch (type.kind) {
    case 'money':
    case 'number':
    case 'integer':
    case 'duration':
      return fastDec(raw);
    case 'rate': {
      const r = parseRate(raw);
      if (r === undefined) return dec(raw as string); // throws XR022
      return r;
    }
    case 'boolean':
    case 'date':
    case 'text':
      return raw;
    case 'enum': {
      const i = prep(M).enumIndex.get(type.name)?.get(raw as string);
      if (i === undefined) throw fail('XR012', { detail: `unknown member ${JSON.stringify(raw)} of ${type.name}` });
      return i;
    }
    case 'list':
      return (raw as unknown[]).map((x) => fromJson(M, type.element, x));
    case 'record': {
      const R = prep(M).records.get(type.name);
      if (!R) throw fail('XR012', { detail: `unknown record ${type.name}` });
      const out = new Array(R.fields.length);
      for (let i = 0; i < R.fields.length; i++) {
        const f = R.fields[i]!;
        const v = own(raw, f.name);
        out[i] = v === undefined || v === null ? undefined : fromJson(M, f.type, v);
      }
      return out;
    }
  }
}

function decText(v: unknown): string {
  return v instanceof Decimal ? v.toFixed() : String(v);
}

/** internal value → JSON form (outputs, trace). */
export function toJson(M: PolicyModel, type: RtType, v: unknown): JsonValue {
  if (v === undefined) return null;
  switch (type.kind) {
    case 'money':
      return v instanceof Decimal ? moneyText(v) : String(v);
    case 'rate':
    case 'number':
      return decText(v);
    case 'integer':
    case 'duration':
      return v instanceof Decimal ? (v.isInteger() && v.abs().lte(Number.MAX_SAFE_INTEGER) ? v.toNumber() : v.toFixed()) : (v as number);
    case 'boolean':
    case 'date':
    case 'text':
      return v as JsonValue;
    case 'enum': {
      const ms = prep(M).enumMembers.get(type.name);
      return ms && typeof v === 'number' ? (ms[v] ?? String(v)) : String(v);
    }
    case 'list':
      return (v as unknown[]).map((x) => toJson(M, type.element, x));
    case 'record': {
      const R = prep(M).records.get(type.name);
      const o: Record<string, JsonValue> = {};
      if (R) {
        const arr = v as unknown[];
        for (let i = 0; i < R.fields.length; i++) {
          if (arr[i] !== undefined) setOwn(o, R.fields[i]!.name, toJson(M, R.fields[i]!.type, arr[i]));
        }
      }
      return o;
    }
  }
}

/** Money text: two decimals when that loses nothing ("12345.60"), else every digit (as formatMoney). */
function moneyText(v: Decimal): string {
  const s = v.toFixed(); // plain digits, no rounding pass
  const dp = v.decimalPlaces();
  return dp === 0 ? s + '.00' : dp === 1 ? s + '0' : s;
}

function groupThousands(s: string): string {
  const neg = s.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  let dot = s.indexOf('.');
  if (dot < 0) dot = s.length;
  if (dot - start <= 3) return s;
  let out = neg ? '-' : '';
  const head = (dot - start) % 3 || 3;
  out += s.slice(start, start + head);
  for (let i = start + head; i < dot; i += 3) out += ',' + s.slice(i, i + 3);
  return out + s.slice(dot);
}

const DURATION_SUFFIX = { days: '天', months: '个月', workdays: '个工作日' } as const;

/** Human-readable display of an internal value. */
export function display(M: PolicyModel, type: RtType, v: unknown): string {
  switch (type.kind) {
    case 'money':
      return `${groupThousands(v instanceof Decimal ? moneyText(v) : String(v))}元`;
    case 'rate':
      return v instanceof Decimal ? formatRate(v) : String(v);
    case 'number':
    case 'integer':
      return decText(v);
    case 'duration':
      return `${decText(v)}${DURATION_SUFFIX[type.unit]}`;
    case 'boolean':
      return v ? '是' : '否';
    case 'date':
    case 'text':
      return String(v);
    case 'enum':
      return String(toJson(M, type, v));
    case 'list':
      return (v as unknown[]).map((x) => display(M, type.element, x)).join('、');
    case 'record':
      return JSON.stringify(toJson(M, type, v));
  }
}

function outputValue(M: PolicyModel, type: RtType, v: unknown): OutputValue {
  if (type.kind === 'money' && v instanceof Decimal) {
    const value = moneyText(v);
    return { type: 'money', value, display: `${groupThousands(value)}元` };
  }
  return { type: typeLabel(type), value: toJson(M, type, v), display: display(M, type, v) };
}

export function typeLabel(t: RtType): string {
  return t.kind === 'duration' ? t.unit : t.kind;
}

// ---------------------------------------------------------------- rules

const PLACES: Record<string, number> = { fen: 2, jiao: 1, yuan: 0 };
const MODES: Record<string, number> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/** roundTo (money.ts) without re-validating an already finite Decimal; -0 → 0. */
function roundFast(x: Decimal, unit: string, mode: string): Decimal {
  const places = PLACES[unit];
  const rm = MODES[mode];
  if (places === undefined || rm === undefined) return roundTo(x, unit as RoundingUnit, mode as RoundingMode); // throws XR025
  if (x.decimalPlaces() <= places) return x.isZero() && x.isNegative() ? ZERO : x;
  const r = x.toDecimalPlaces(places, rm as 0);
  return r.isZero() && r.isNegative() ? ZERO : r;
}

function finish(cx: Ctx, R: PolicyModel['rules'][number], x: unknown): unknown {
  if (x instanceof Decimal) {
    if (!x.isFinite()) throw fail('XR013', { value: x.toString() });
    if (R.rounding !== null) {
      const r = roundFast(x, R.rounding.unit, R.rounding.mode);
      if (cx.t !== null && !r.eq(x)) {
        cx.t.add({ kind: 'rounding', mode: R.rounding.mode, unit: R.rounding.unit, before: x.toFixed(), after: r.toFixed() });
      }
      return r;
    }
  }
  return x;
}

/** Value of parameterless rule i: computed on first use, memoised for the case.
 * Generated code calls it as `(cx.fast[i] ?? E.rule(cx, i))`. */
function rule(cx: Ctx, i: number): unknown {
  const v = cx.s[i];
  if (v !== undefined) {
    if (cx.t !== null) cx.t.add(cx.t.ruleNodes[i]!);
    return v;
  }
  return computeRule(cx, i);
}

function computeRule(cx: Ctx, i: number): unknown {
  const state = cx.st[i];
  const R = cx.M.rules[i]!;
  if (state !== undefined) {
    if (state === BUSY) throw fail('XR014', { name: R.name });
    if (cx.t !== null && cx.t.ruleNodes[i]) cx.t.add(cx.t.ruleNodes[i]!);
    throw state;
  }
  cx.st[i] = BUSY;
  cx.touched.push(i);
  const t = cx.t;
  if (t === null) {
    try {
      const x = finish(cx, R, R.fn(cx));
      cx.s[i] = x;
      cx.st[i] = undefined;
      return x;
    } catch (e) {
      tagWith(e, R.name, R.cite);
      cx.st[i] = e;
      throw e;
    }
  }
  const node: RuleTraceNode = R.cite !== undefined
    ? { kind: 'rule', name: R.name, value: undefined, cite: R.cite, children: [] }
    : { kind: 'rule', name: R.name, value: undefined, children: [] };
  t.enter(node);
  t.ruleNodes[i] = node;
  try {
    const x = finish(cx, R, R.fn(cx));
    cx.s[i] = x;
    cx.st[i] = undefined;
    node.value = toJson(cx.M, R.type, x);
    node.display = display(cx.M, R.type, x);
    return x;
  } catch (e) {
    tagWith(e, R.name, R.cite);
    cx.st[i] = e;
    node.failed = e instanceof MissingInput ? 'missing' : 'error';
    throw e;
  } finally {
    t.leave();
  }
}

/** Rounds/validates the result of parameterised rule i (explain off). */
function fin(cx: Ctx, i: number, x: unknown): unknown {
  return finish(cx, cx.M.rules[i]!, x);
}

/** Tags a failure with parameterised rule i (explain off). */
function tag(cx: Ctx, i: number, e: unknown): unknown {
  const R = cx.M.rules[i]!;
  return tagWith(e, R.name, R.cite);
}

/** A traced call of parameterised rule i. */
function call(cx: Ctx, i: number, fn: (cx: Ctx, ...a: unknown[]) => unknown, args: unknown[]): unknown {
  const R = cx.M.rules[i]!;
  const t = cx.t!;
  const jsonArgs = args.map((a, k) => toJson(cx.M, R.params[k]!.type, a));
  const node: RuleTraceNode = R.cite !== undefined
    ? { kind: 'rule', name: R.name, value: undefined, args: jsonArgs, cite: R.cite, children: [] }
    : { kind: 'rule', name: R.name, value: undefined, args: jsonArgs, children: [] };
  t.enter(node, `r:${i}:${JSON.stringify(jsonArgs)}`);
  try {
    const x = finish(cx, R, fn(cx, ...args));
    node.value = toJson(cx.M, R.type, x);
    node.display = display(cx.M, R.type, x);
    return x;
  } catch (e) {
    tagWith(e, R.name, R.cite);
    node.failed = e instanceof MissingInput ? 'missing' : 'error';
    throw e;
  } finally {
    t.leave();
  }
}

/** Chooses the dated version of rule i at the as-of date; returns its branch index. */
function ver(cx: Ctx, i: number): number {
  const R = cx.M.rules[i]!;
  const v = pickVersion(R.layers!, cx.asOf);
  if (v === undefined) throw fail('XR008', { name: R.name, at: cx.asOf });
  if (cx.t !== null) {
    const n = cx.t.current();
    if (n !== undefined && n.name === R.name) {
      n.version = v.from;
      if (v.cite !== undefined) n.cite = v.cite;
    }
  }
  return v.value;
}

/** Exceptions of rule i that hold: none → -1, one → its index, several → XR007. */
function exc(cx: Ctx, i: number, hits: number[]): number {
  if (hits.length === 0) return -1;
  const R = cx.M.rules[i]!;
  if (hits.length > 1) {
    const list = hits
      .map((h) => {
        const x = R.exceptions[h]!;
        return x.cite !== undefined ? `「${x.cite}」(${x.policy})` : `#${h + 1} (${x.policy})`;
      })
      .join('、');
    throw fail('XR007', { rule: R.name, list });
  }
  const h = hits[0]!;
  if (cx.t !== null) {
    const n = cx.t.current();
    if (n !== undefined && n.name === R.name) {
      const x = R.exceptions[h]!;
      n.exception = x.cite !== undefined ? { cite: x.cite, policy: x.policy } : { policy: x.policy };
    }
  }
  return h;
}

// ---------------------------------------------------------------- parameters, tables, bands

/** Runs a version's value function with tracing suspended (a parameter node has no children). */
function quiet(cx: Ctx, fn: ValueFn, at: string): unknown {
  const t = cx.t;
  if (t === null) return fn(cx, at);
  cx.t = null;
  try {
    return fn(cx, at);
  } finally {
    cx.t = t;
  }
}

/** Parameter i at `at` (null = the as-of date). */
function param(cx: Ctx, i: number, at: string | null): unknown {
  if (at === null || at === cx.asOf) {
    const v = cx.s[cx.po + i];
    if (v !== undefined) {
      if (cx.t !== null) cx.t.add(cx.pn[i]!, `p:${i}@${cx.asOf}`);
      return v;
    }
    return lookupParam(cx, i, cx.asOf);
  }
  return lookupParam(cx, i, at);
}

function lookupParam(cx: Ctx, i: number, d: string): unknown {
  const P = cx.M.params[i]!;
  let v: unknown;
  let from: string | null = null;
  let policy: string;
  let cite = P.cite;
  const overridden = cx.ov !== null && cx.ov[i] !== undefined;
  if (overridden) {
    v = cx.ov![i];
    policy = cx.M.info.name;
  } else {
    const ver = pickVersion(P.layers, d);
    if (ver === undefined) throw fail('XR003', { name: P.name, at: d });
    v = quiet(cx, ver.value, d);
    from = ver.from;
    policy = ver.policy;
    if (ver.cite !== undefined) cite = ver.cite;
  }
  const memo = d === cx.asOf;
  if (memo) {
    cx.s[cx.po + i] = v;
    cx.touched.push(cx.po + i);
  }
  if (cx.t !== null) {
    const node: ParamTraceNode = { kind: 'param', name: P.name, value: toJson(cx.M, P.type, v), display: display(cx.M, P.type, v), at: d, from, policy };
    if (cite !== undefined) node.cite = cite;
    if (overridden) node.overridden = true;
    if (memo) cx.pn[i] = node;
    cx.t.add(node, `p:${i}@${d}`);
  }
  return v;
}

function keyOf(cx: Ctx, name: string, keyType: RtType, key: unknown): number {
  if (keyType.kind === 'enum') return key as number;
  const k = key as Decimal;
  if (!(k instanceof Decimal) || !k.isInteger() || !k.abs().lte(Number.MAX_SAFE_INTEGER)) {
    throw fail('XR015', { name, key: decText(key) });
  }
  return k.toNumber();
}

/** Table i at `key` and `at` (null = the as-of date). Same rule as lookup.ts pickRow, inlined
 * to allocate nothing. */
function table(cx: Ctx, i: number, key: unknown, at: string | null): unknown {
  const T = cx.M.tables[i]!;
  const d = at === null ? cx.asOf : at;
  const k = keyOf(cx, T.name, T.keyType, key);
  const layers = T.layers;
  let ver: Version<TableBody<ValueFn>> | undefined;
  let fn: ValueFn | undefined;
  for (let li = layers.length - 1; li >= 0 && fn === undefined; li--) {
    ver = versionInLayer(layers[li]!, d);
    if (ver === undefined) continue;
    fn = ver.value.rows.get(k);
    if (fn === undefined) fn = ver.value.otherwise;
  }
  if (fn === undefined || ver === undefined) throw fail('XR004', { name: T.name, key: String(toJson(cx.M, T.keyType, key)), at: d });
  const v = quiet(cx, fn, d);
  if (cx.t !== null) {
    const cite = ver.cite ?? T.cite;
    const node: TraceNode = {
      kind: 'table',
      name: T.name,
      key: toJson(cx.M, T.keyType, key),
      value: toJson(cx.M, T.valueType, v),
      display: display(cx.M, T.valueType, v),
      at: d,
      from: ver.from,
      policy: ver.policy,
    };
    if (cite !== undefined) node.cite = cite;
    cx.t.add(node, `t:${i}:${String(node.key)}@${d}`);
  }
  return v;
}

/** Bands i at `key` and `at` (null = the as-of date). */
function band(cx: Ctx, i: number, key: unknown, at: string | null): unknown {
  const B = cx.M.bands[i]!;
  const d = at === null ? cx.asOf : at;
  const ver = pickVersion(B.layers, d);
  if (ver === undefined) throw fail('XR006', { name: B.name, at: d });
  const t = cx.t;
  cx.t = null;
  let v: unknown;
  try {
    const idx = findBand(ver.value, key as Decimal, (k, b) => k.cmp(b(cx, d) as Decimal));
    if (idx < 0) throw fail('XR005', { name: B.name, key: String(toJson(cx.M, B.keyType, key)), at: d });
    v = ver.value[idx]!.value(cx, d);
  } finally {
    cx.t = t;
  }
  if (t !== null) {
    const cite = ver.cite ?? B.cite;
    const node: TraceNode = {
      kind: 'bands',
      name: B.name,
      key: toJson(cx.M, B.keyType, key),
      value: toJson(cx.M, B.valueType, v),
      display: display(cx.M, B.valueType, v),
      at: d,
      from: ver.from,
      policy: ver.policy,
    };
    if (cite !== undefined) node.cite = cite;
    t.add(node, `b:${i}:${String(node.key)}@${d}`);
  }
  return v;
}

// ---------------------------------------------------------------- inputs

/** Top-level input k; an absent optional input raises the missing signal. */
function inp(cx: Ctx, k: number): unknown {
  const j = cx.io + k;
  let v = cx.s[j];
  if (v === undefined) v = readInput(cx, k, j);
  if (v === ABSENT) {
    if (cx.t !== null) cx.t.add({ kind: 'input', path: cx.M.inputs[k]!.name, value: undefined, missing: true }, `i:${k}`);
    throw new MissingInput([cx.M.inputs[k]!.name]);
  }
  if (cx.t !== null) {
    const I = cx.M.inputs[k]!;
    cx.t.add({ kind: 'input', path: I.name, value: toJson(cx.M, I.type, v) }, `i:${k}`);
  }
  return v;
}

/** Converts every input the case gives into its slot; afterwards an empty slot means absent. */
function preloadInputs(cx: Ctx): void {
  const input = cx.input;
  const keys = Object.keys(input);
  const byName = cx.P.inputByName;
  for (let n = 0; n < keys.length; n++) {
    const k = byName.get(keys[n]!)!;
    const raw = input[keys[n]!];
    const j = cx.io + k;
    cx.s[j] = raw === null ? ABSENT : fromJson(cx.M, cx.M.inputs[k]!.type, raw);
    cx.touched.push(j);
  }
  cx.complete = true;
}

function readInput(cx: Ctx, k: number, j: number): unknown {
  if (cx.complete) return ABSENT;
  const I = cx.M.inputs[k]!;
  const raw = own(cx.input, I.name);
  const v = raw === undefined || raw === null ? ABSENT : fromJson(cx.M, I.type, raw);
  cx.s[j] = v;
  cx.touched.push(j);
  return v;
}

/** 有值(input k) */
function has(cx: Ctx, k: number): boolean {
  const j = cx.io + k;
  let v = cx.s[j];
  if (v === undefined) v = readInput(cx, k, j);
  return v !== ABSENT;
}

/** An optional record field (index already resolved); absent → missing signal. */
function ofld(rec: unknown[], idx: number, name: string): unknown {
  const v = rec[idx];
  if (v === undefined) throw new MissingInput([name]);
  return v;
}

// ---------------------------------------------------------------- operations

function lit(s: string): Decimal {
  return dec(s);
}

function div(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) throw fail('XR009');
  return a.div(b);
}

function toInt(x: unknown): number {
  const d = x as Decimal;
  if (!(d instanceof Decimal) || !d.isInteger() || !d.abs().lte(Number.MAX_SAFE_INTEGER)) {
    throw fail('XR018', { value: decText(x) });
  }
  return d.toNumber();
}

function calendar(cx: Ctx): WorkCalendar {
  if (cx.P.calendar === null) {
    cx.P.calendar = new WorkCalendar(cx.M.calendar);
  }
  return cx.P.calendar;
}

/** date ± duration (sign = 1 or -1). */
function dateAdd(cx: Ctx, d: string, n: Decimal, unit: 'days' | 'months' | 'workdays', sign: number): string {
  const k = toInt(n) * sign;
  if (unit === 'days') return dates.addDays(d, k);
  if (unit === 'months') return dates.addMonths(d, k);
  return calendar(cx).addWorkdays(d, k);
}

/** a − b for dates, in days. */
function dateDiff(a: string, b: string): Decimal {
  return new Decimal(dates.daysBetween(b, a));
}

function cmp(a: unknown, b: unknown): number {
  if (a instanceof Decimal) return a.cmp(b as Decimal);
  return (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
}

function min(...xs: unknown[]): unknown {
  let best = xs[0];
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i], best) < 0) best = xs[i];
  return best;
}

function max(...xs: unknown[]): unknown {
  let best = xs[0];
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i], best) > 0) best = xs[i];
  return best;
}

function clampV(x: unknown, lo: unknown, hi: unknown): unknown {
  if (cmp(lo, hi) > 0) {
    throw new XizeRuntimeError('XR023', {
      zh: `限定（clamp）的下限 ${decText(lo)} 大于上限 ${decText(hi)}`,
      en: `clamp lower bound ${decText(lo)} is greater than upper bound ${decText(hi)}`,
    }, { lo: decText(lo), hi: decText(hi) });
  }
  return cmp(x, lo) < 0 ? lo : cmp(x, hi) > 0 ? hi : x;
}

/** Structural equality of internal values. */
function eq(a: unknown, b: unknown): boolean {
  if (a instanceof Decimal) return b instanceof Decimal && a.eq(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
    return true;
  }
  return a === b;
}

function inAny(v: unknown, xs: unknown[]): boolean {
  for (const x of xs) if (eq(v, x)) return true;
  return false;
}

function unmatched(v: unknown): never {
  throw fail('XR017', { value: String(v) });
}

function round(x: Decimal, unit: RoundingUnit, mode: RoundingMode): Decimal {
  return roundFast(x, unit, mode);
}

const D = (n: number) => new Decimal(n);

/** The support object generated code calls (`rt.evalSupport`). */
export const evalSupport = {
  ZERO,
  lit,
  num: D,
  fail,
  isMissing: (e: unknown): boolean => e instanceof MissingInput,
  rule,
  call,
  fin,
  tag,
  ver,
  exc,
  param,
  table,
  band,
  inp,
  has,
  ofld,
  div,
  dateAdd,
  dateDiff,
  cmp,
  eq,
  inAny,
  min,
  max,
  clamp: clampV,
  round,
  unmatched,
  monthAfter: (d: string) => dates.monthAfter(d),
  monthStart: (d: string) => dates.monthStart(d),
  addMonths: (d: string, n: Decimal) => dates.addMonths(d, toInt(n)),
  addDays: (d: string, n: Decimal) => dates.addDays(d, toInt(n)),
  addWorkdays: (cx: Ctx, d: string, n: Decimal) => calendar(cx).addWorkdays(d, toInt(n)),
  workdaysBetween: (cx: Ctx, a: string, b: string) => D(calendar(cx).workdaysBetween(a, b)),
  daysBetween: (a: string, b: string) => D(dates.daysBetween(a, b)),
  monthsBetween: (a: string, b: string) => D(dates.monthsBetween(a, b)),
  ageAt: (b: string, d: string) => D(dates.ageAt(b, d)),
  year: (d: string) => D(dates.yearOf(d)),
  makeDate: (y: Decimal, m: Decimal, d: Decimal) => dates.makeDate(toInt(y), toInt(m), toInt(d)),
  yearEnd: (d: string) => dates.yearEnd(d),
  yearStart: (d: string) => dates.yearStart(d),
  createPolicy,
};

// ---------------------------------------------------------------- evaluate

function today(): string {
  const n = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${n.getFullYear()}-${p(n.getMonth() + 1)}-${p(n.getDate())}`;
}

function toEvalError(e: unknown, where?: string): EvaluationError {
  const o = e !== null && typeof e === 'object' ? origin.get(e) : undefined;
  let out: EvaluationError;
  if (e instanceof XizeRuntimeError) {
    out = { code: e.code, message: { zh: e.zh, en: e.en }, args: { ...e.args } };
    if (e instanceof EvalFailure && e.hint) out.hint = e.hint;
  } else {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    out = { code: 'XR012', ...evalText('XR012', { detail }), args: { detail } };
  }
  const rule = o?.rule ?? where;
  if (rule !== undefined) out.rule = rule;
  if (o?.cite !== undefined) out.cite = o.cite;
  return out;
}

const OVERRIDE_EXPECT: Record<string, [string, string]> = {
  money: ['金额（十进制数）', 'money (a decimal)'],
  rate: ['比率（如 "0.6" 或 "60%"）', 'a rate ("0.6" or "60%")'],
  number: ['数值', 'a number'],
  integer: ['整数', 'an integer'],
  duration: ['整数', 'a whole number'],
  boolean: ['布尔值', 'a boolean'],
  date: ['日期（YYYY-MM-DD）', 'a date (YYYY-MM-DD)'],
  text: ['文本', 'a text'],
  enum: ['枚举成员', 'an enum member'],
  list: ['列表', 'a list'],
  record: ['记录', 'a record'],
};

/** Parses a per-case parameter override; undefined when invalid. */
function parseOverride(M: PolicyModel, type: RtType, raw: unknown): unknown {
  switch (type.kind) {
    case 'money':
    case 'number':
      return isDecimalInput(raw) ? fastDec(raw) : undefined;
    case 'rate':
      return parseRate(raw);
    case 'integer':
    case 'duration': {
      if (!isDecimalInput(raw)) return undefined;
      const d = dec(raw);
      return d.isInteger() ? d : undefined;
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : raw === 'true' || raw === '真' ? true : raw === 'false' || raw === '假' ? false : undefined;
    case 'date':
      return dates.isValidDate(raw) ? raw : undefined;
    case 'text':
      return typeof raw === 'string' ? raw : undefined;
    case 'enum':
      return typeof raw === 'string' ? prep(M).enumIndex.get(type.name)?.get(raw) : undefined;
    case 'list': {
      if (!Array.isArray(raw)) return undefined;
      const out: unknown[] = [];
      for (const x of raw) {
        const v = parseOverride(M, type.element, x);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'record':
      return undefined;
  }
}

export function evaluateModel(M: PolicyModel, input: unknown, options: EvaluateOptions = {}): Outcome {
  const P = prep(M);
  const asOf = options.asOf ?? today();
  const out: Outcome = {
    policy: M.info.name,
    asOf,
    ok: true,
    inputErrors: [],
    outputs: {},
    unavailable: {},
    errors: [],
    checks: [],
  };
  if (asOf !== P.lastAsOf) {
    if (typeof asOf !== 'string' || !dates.isValidDate(asOf)) return stop(out, 'XR002', { value: String(asOf) });
    if (M.info.effective !== null && asOf < M.info.effective) {
      return stop(out, 'XR001', { asOf, effective: M.info.effective, policy: M.info.name });
    }
    P.lastAsOf = asOf;
  }
  let preload = false;
  try {
    if (P.validate === null) P.validate = createValidator(M.schema);
    // fast path: a structural check that only ever accepts inputs the schema accepts; anything
    // it does not accept goes through the ajv validator, which produces the XI… errors
    preload = fastValid(M, P, input);
    const ie = preload ? EMPTY_ERRORS : P.validate(input);
    if (ie.length > 0) {
      out.inputErrors = ie;
      out.ok = false;
      return out;
    }
  } catch (e) {
    out.errors.push(toEvalError(e));
    out.ok = false;
    return out;
  }
  // per-case parameter overrides
  let ov: unknown[] | null = null;
  const given = options.parameters;
  if (given !== undefined && given !== null) {
    for (const name of Object.keys(given)) {
      const i = P.paramIndex.get(name);
      if (i === undefined) {
        stop(out, 'XR010', { name, known: M.params.map((q) => q.name).join('、') });
        continue;
      }
      const T = M.params[i]!;
      let v: unknown;
      try {
        v = parseOverride(M, T.type, (given as Record<string, unknown>)[name]);
      } catch {
        v = undefined;
      }
      if (v === undefined) {
        const [zh, en] = OVERRIDE_EXPECT[T.type.kind] ?? ['', ''];
        stop(out, 'XR011', { name, value: JSON.stringify((given as Record<string, unknown>)[name]) ?? 'undefined', expected: zh, expectedEn: en });
        continue;
      }
      (ov ??= []).push(i, v);
    }
    if (!out.ok) return out;
  }

  const tracer = options.explain ? new Tracer() : null;
  let which = M.outputRules;
  if (options.outputs !== undefined && options.outputs !== null) {
    let lo = P.lastOutputs;
    if (lo === null || lo.names !== options.outputs || lo.names.length !== lo.which.length + lo.unknown.length) {
      lo = { names: options.outputs, which: [], unknown: [] };
      for (const name of options.outputs) {
        const i = P.outputIndex.get(name);
        if (i === undefined) lo.unknown.push(name);
        else lo.which.push(i);
      }
      P.lastOutputs = lo;
    }
    for (const name of lo.unknown) stop(out, 'XR016', { name });
    which = lo.which;
  }
  const cx = acquire(M, P);
  cx.reset(asOf, input as Record<string, unknown>, ov, tracer);
  try {
    if (preload) preloadInputs(cx);
    evaluateWith(cx, M, which, out, tracer);
  } catch (e) {
    // evaluate never throws: anything unexpected becomes an XR012 of the outcome
    out.errors.push(toEvalError(e));
    out.ok = false;
  } finally {
    release(P, cx);
  }
  return out;
}

const EMPTY_ERRORS: CaseInputError[] = [];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** True only when `input` certainly satisfies the generated schema (runtime/validate.ts
 * conventions). False means "not sure": the caller then runs the full validator. */
function fastValid(M: PolicyModel, P: Prepared, input: unknown): boolean {
  return fastObject(M, P, input, M.inputs, P.inputByName, P.requiredInputs);
}

function fastObject(
  M: PolicyModel,
  P: Prepared,
  o: unknown,
  fields: { name: string; type: RtType; optional: boolean }[],
  byName: Map<string, number>,
  required: number,
): boolean {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return false;
  const keys = Object.keys(o);
  let present = 0;
  for (let n = 0; n < keys.length; n++) {
    const k = keys[n]!;
    if (FORBIDDEN_KEYS.has(k)) return false;
    const i = byName.get(k);
    if (i === undefined) return false;
    const F = fields[i]!;
    if (!F.optional) present++;
    if (!fastValue(M, P, F.type, (o as Record<string, unknown>)[k])) return false;
  }
  return present === required;
}

function fastValue(M: PolicyModel, P: Prepared, t: RtType, v: unknown): boolean {
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'number':
      return typeof v === 'string' ? DECIMAL_TEXT.test(v) : typeof v === 'number' && Number.isFinite(v);
    case 'integer':
    case 'duration':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return dates.isValidDate(v);
    case 'text':
      return typeof v === 'string';
    case 'enum':
      return typeof v === 'string' && P.enumIndex.get(t.name)?.has(v) === true;
    case 'list': {
      if (!Array.isArray(v)) return false;
      for (let n = 0; n < v.length; n++) if (!fastValue(M, P, t.element, v[n])) return false;
      return true;
    }
    case 'record': {
      const R = P.records.get(t.name);
      const byName = P.recordFieldIndex.get(t.name);
      return R !== undefined && byName !== undefined && fastObject(M, P, v, R.fields, byName, P.recordRequired.get(t.name)!);
    }
  }
}

function stop(out: Outcome, code: string, args: Record<string, string>): Outcome {
  out.errors.push({ code, ...evalText(code, args), args });
  out.ok = false;
  return out;
}

function record(out: Outcome, seen: { map: Map<unknown, EvaluationError> | null }, e: unknown, name: string, isOutput: boolean): void {
  const map = (seen.map ??= new Map());
  let err = map.get(e);
  if (err === undefined) {
    err = toEvalError(e, name);
    map.set(e, err);
    out.errors.push(err);
  }
  if (isOutput) (err.affects ??= []).push(name);
}

function evaluateWith(cx: Ctx, M: PolicyModel, which: number[], out: Outcome, tracer: Tracer | null): void {
  const needs = needsAt(M, cx.P, cx.asOf);
  const seen: { map: Map<unknown, EvaluationError> | null } = { map: null };

  if (tracer !== null) out.trace = {};
  for (let n = 0; n < which.length; n++) {
    const i = which[n]!;
    const R = M.rules[i]!;
    const rn = needs.rules[i]!;
    if (rn.length > 0) {
      const missing = absent(cx, rn);
      if (missing !== null) {
        setOwn(out.unavailable, R.name, { missing });
        continue;
      }
    }
    try {
      const v = rule(cx, i);
      setOwn(out.outputs, R.name, outputValue(M, R.type, v));
    } catch (e) {
      if (e instanceof MissingInput) setOwn(out.unavailable, R.name, { missing: e.names.slice() });
      else record(out, seen, e, R.name, true);
    }
    if (tracer !== null) {
      const node = tracer.ruleNodes[i];
      if (node !== undefined) setOwn(out.trace!, R.name, node);
    }
  }
  // checks: evaluated for every case; skipped when they need a missing input
  if (tracer !== null) cx.t = null;
  for (let ci = 0; ci < M.checks.length; ci++) {
    const C = M.checks[ci]!;
    const cn = needs.checks[ci]!;
    if (cn.length > 0 && absent(cx, cn) !== null) continue;
    try {
      if (C.cond(cx) === true) {
        const c: Outcome['checks'][number] = { name: C.name, severity: C.severity, message: C.message };
        if (C.cite !== undefined) c.cite = C.cite;
        out.checks.push(c);
      }
    } catch (e) {
      if (!(e instanceof MissingInput)) record(out, seen, tagWith(e, C.name, C.cite), C.name, false);
    }
  }
  out.ok = out.errors.length === 0 && out.inputErrors.length === 0;
}

interface NeedsAt {
  rules: number[][];
  checks: number[][];
}

/** Resolves the needs graph at an as-of date (each rule's version chosen), cached per date. */
function needsAt(M: PolicyModel, P: Prepared, asOf: string): NeedsAt {
  let n = P.needsAt.get(asOf);
  if (n !== undefined) return n;
  if (P.needsAt.size >= 256) P.needsAt.clear();
  const memo: (number[] | undefined)[] = new Array(M.rules.length);
  const visiting = new Set<number>();
  const union = (node: NeedsNode): number[] => {
    const out = new Set<number>(node.inputs);
    for (const r of node.rules) for (const k of ofRule(r)) out.add(k);
    return [...out].sort((a, b) => a - b);
  };
  const ofRule = (i: number): number[] => {
    const m = memo[i];
    if (m !== undefined) return m;
    if (visiting.has(i)) return [];
    const R = M.rules[i]!;
    let out: number[] = [];
    if (R.deps !== null && R.deps.length > 0) {
      let vi: number | undefined = 0;
      if (R.layers !== null) vi = pickVersion(R.layers, asOf)?.value;
      const node = vi === undefined ? undefined : R.deps[vi];
      if (node !== undefined) {
        visiting.add(i);
        out = union(node);
        visiting.delete(i);
      }
    }
    memo[i] = out;
    return out;
  };
  n = { rules: M.rules.map((_, i) => ofRule(i)), checks: M.checks.map((c) => union(c.deps)) };
  P.needsAt.set(asOf, n);
  return n;
}

/** Names of the inputs among `needs` that the case does not give, or null. */
function absent(cx: Ctx, needs: number[]): string[] | null {
  let out: string[] | null = null;
  for (let n = 0; n < needs.length; n++) {
    if (!has(cx, needs[n]!)) (out ??= []).push(cx.M.inputs[needs[n]!]!.name);
  }
  return out;
}

/** Builds the loaded policy object from a model (the tail of every generated body). */
export function createPolicy(M: PolicyModel): LoadedPolicy {
  return {
    evaluate: (input: unknown, options?: EvaluateOptions) => evaluateModel(M, input, options),
    inputSchema: M.schema,
    policyInfo: M.info,
    outputs: M.outputs,
  } as LoadedPolicy;
}
