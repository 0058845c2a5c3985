// The per-case context generated code computes in: memo slots for rules, parameters and inputs,
// the as-of date, overrides and the tracer. One context per policy is recycled between cases
// (acquire/release), so a case allocates nothing here.
import type { PolicyModel } from './model.ts';
import type { Prepared } from './prepared.ts';
import type { Tracer, ParamTraceNode } from './trace.ts';

const EMPTY: unknown[] = [];

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

export function acquire(M: PolicyModel, P: Prepared): Ctx {
  const cx = P.free;
  if (cx === null) return new Ctx(M, P);
  P.free = null;
  return cx;
}

export function release(P: Prepared, cx: Ctx): void {
  cx.clear();
  P.free = cx;
}
