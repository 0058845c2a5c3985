// How evaluation fails and how failures reach the outcome: the missing-input signal, XR
// failures, attribution of a failure to the innermost rule/check it arose in, and the
// conversion into Outcome errors (each distinct failure reported once).
import { XizeRuntimeError } from './errors.ts';
import { evalText } from './evalMessages.ts';
import type { EvaluationError, Outcome } from './outcome.ts';

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

export function tagWith(e: unknown, name: string, cite: string | undefined): unknown {
  if (e !== null && typeof e === 'object' && !(e instanceof MissingInput) && !origin.has(e)) {
    origin.set(e, cite === undefined ? { rule: name } : { rule: name, cite });
  }
  return e;
}

export function toEvalError(e: unknown, where?: string): EvaluationError {
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

export function stop(out: Outcome, code: string, args: Record<string, string>): Outcome {
  out.errors.push({ code, ...evalText(code, args), args });
  out.ok = false;
  return out;
}

/** Failures already reported in this case (the same failure can surface in several rules). */
export interface Seen {
  map: Map<unknown, EvaluationError> | null;
}

/** Reports failure `e` of rule/check `name` once; an output it breaks is listed in `affects`. */
export function record(out: Outcome, seen: Seen, e: unknown, name: string, isOutput: boolean): void {
  const map = (seen.map ??= new Map());
  let err = map.get(e);
  if (err === undefined) {
    err = toEvalError(e, name);
    map.set(e, err);
    out.errors.push(err);
  }
  if (isOutput) (err.affects ??= []).push(name);
}
