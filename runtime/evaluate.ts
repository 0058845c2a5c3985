// evaluate: one case from input to Outcome. Checks the as-of date, validates the input (fast
// structural check, else ajv), applies parameter overrides, then computes the requested outputs
// in a recycled context (unavailable when a needed optional input is absent) and runs the
// checks. It never throws: unexpected failures become XR012. createPolicy wraps a model.
import * as dates from './dates.ts';
import { Tracer } from './trace.ts';
import { createValidator } from './validate.ts';
import type { CaseInputError, EvaluateOptions, LoadedPolicy, Outcome } from './outcome.ts';
import type { PolicyModel } from './model.ts';
import { prep } from './prepared.ts';
import { acquire, release, type Ctx } from './context.ts';
import { MissingInput, record, stop, toEvalError, type Seen } from './failures.ts';
import { setOwn } from './own.ts';
import { outputValue } from './display.ts';
import { rule } from './rules.ts';
import { preloadInputs } from './inputs.ts';
import { absent, needsAt } from './needs.ts';
import { fastValid } from './fastCheck.ts';
import { parseOverrides } from './overrides.ts';
import { runChecks } from './checks.ts';

function today(): string {
  const n = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${n.getFullYear()}-${p(n.getMonth() + 1)}-${p(n.getDate())}`;
}

const EMPTY_ERRORS: CaseInputError[] = [];

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
    ov = parseOverrides(M, P, given, out);
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

function evaluateWith(cx: Ctx, M: PolicyModel, which: number[], out: Outcome, tracer: Tracer | null): void {
  const needs = needsAt(M, cx.P, cx.asOf);
  const seen: Seen = { map: null };

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
  // checks: evaluated with tracing off
  if (tracer !== null) cx.t = null;
  runChecks(cx, M, needs.checks, out, seen);
  out.ok = out.errors.length === 0 && out.inputErrors.length === 0;
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
