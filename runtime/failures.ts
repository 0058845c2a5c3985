// How evaluation fails and how failures reach the outcome: the missing-input signal, XR
// failures, attribution of a failure to the innermost rule/check it arose in, and the
// conversion into Outcome errors (each distinct failure reported once).
import { XizeRuntimeError } from './errors.ts';
import { evalText } from './evalMessages.ts';
import type { EvaluationError, Outcome } from './outcome.ts';
import { MAX_CASE_ERRORS } from './limits.ts';

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

export function stop(out: Outcome, code: string, args: Record<string, string>, path?: string): Outcome {
  const e: EvaluationError = { code, ...evalText(code, args), args };
  if (path !== undefined) e.path = path;
  out.errors.push(e);
  out.ok = false;
  return out;
}

/** Keeps at most MAX_CASE_ERRORS entries of `list`; the ones dropped, plus `more` not even
 * made, are counted in one last entry made by `summary` (XI014 / XR044). */
export function capList<T>(list: T[], more: number, summary: (count: string, limit: string) => T): void {
  if (list.length > MAX_CASE_ERRORS) {
    more += list.length - MAX_CASE_ERRORS;
    list.length = MAX_CASE_ERRORS;
  }
  if (more > 0) list.push(summary(String(more), String(MAX_CASE_ERRORS)));
}

/** Caps `out.errors` (see capList); `more` errors were found but not made. */
export function capErrors(out: Outcome, more = 0): void {
  if (out.errors.length <= MAX_CASE_ERRORS && more === 0) return;
  capList(out.errors, more, (count, limit) => {
    const args = { count, limit };
    return { code: 'XR044', ...evalText('XR044', args), args };
  });
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
