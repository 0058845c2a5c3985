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
import { MissingInput, capErrors, record, stop, toEvalError, type Seen } from './failures.ts';
import { setOwn } from './own.ts';
import { outputValue } from './display.ts';
import { rule } from './rules.ts';
import { preloadInputs } from './inputs.ts';
import { absent, needsAt } from './needs.ts';
import { fastValid } from './fastCheck.ts';
import { PARAMETERS_EXPECTED, parseOverrides } from './overrides.ts';
import { checkFailures, runChecks } from './checks.ts';
import { showValue } from './showValue.ts';
import { MAX_CASE_ERRORS } from './limits.ts';
import { allFen, evaluateFenLazy, fenChecks } from './fenEval.ts';
import { setChecksRunner, type ChecksRunner } from './lazyOutcome.ts';
import { fail } from './failures.ts';

type Engine = NonNullable<EvaluateOptions['engine']>;
/** The default engine: XIZE_ENGINE where the host has an environment (Node), else 'auto'. */
const DEFAULT_ENGINE: Engine = (() => {
  const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.XIZE_ENGINE;
  return v === 'decimal' || v === 'verify' ? v : 'auto';
})();

function today(): string {
  const n = new Date();
  const p = (x: number) => String(x).padStart(2, '0');
  return `${n.getFullYear()}-${p(n.getMonth() + 1)}-${p(n.getDate())}`;
}

const EMPTY_ERRORS: CaseInputError[] = [];

export function evaluateModel(M: PolicyModel, input: unknown, options0: EvaluateOptions | null = {}): Outcome {
  const P = prep(M);
  // the caller may pass anything: one error naming the argument, never a throw or an error per character
  const options: EvaluateOptions = options0 ?? {};
  const shapeError = optionsShape(options);
  if (shapeError !== null) return stop(plainOutcome(M, typeof options.asOf === 'string' ? options.asOf : ''), 'XR041', shapeError.args, shapeError.path);
  const asOf = options.asOf ?? today();
  if (asOf !== P.lastAsOf) {
    if (typeof asOf !== 'string' || !dates.isValidDate(asOf)) return stop(plainOutcome(M, typeof asOf === 'string' ? asOf : showValue(asOf)), 'XR002', { value: showValue(asOf) });
    if (M.info.effective !== null && asOf < M.info.effective) {
      return stop(plainOutcome(M, asOf), 'XR001', { asOf, effective: M.info.effective, policy: M.info.name });
    }
    P.lastAsOf = asOf;
  }
  const given = options.parameters;
  const which0 = outputsWanted(M, P, options.outputs);
  const engine = options.engine ?? DEFAULT_ENGINE;
  // the fen path first: it reads the input with the same structural check as fastValid and
  // hands the case back (to be validated in full) when it is not sure
  if (!options.explain && engine !== 'decimal' && M.fen !== undefined && which0 !== null && fenAll(M, P, options.outputs, which0)) {
    const fen = evaluateFenLazy(M, P, input, asOf, given ?? null, which0);
    if (fen !== null) return engine === 'verify' ? verified(M, input, options, fen) : fen;
  }
  const out = plainOutcome(M, asOf);
  let preload = false;
  try {
    // fast path: a structural check that only ever accepts inputs the schema accepts; anything
    // it does not accept goes through the ajv validator (compiled on first need), which
    // produces the XI… errors
    preload = fastValid(M, P, input);
    if (!preload && P.validate === null) P.validate = createValidator(M.schema);
    const ie = preload ? EMPTY_ERRORS : P.validate!(input);
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
    for (let n = 0; n < lo.unknown.length; n++) {
      if (n === MAX_CASE_ERRORS) {
        capErrors(out, lo.unknown.length - n);
        break;
      }
      const name = lo.unknown[n];
      stop(out, 'XR016', { name: typeof name === 'string' ? name : showValue(name) });
    }
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
  // an error-severity check that holds stops the case: flagged in `errors`, outputs kept for review
  checkFailures(out.checks, out.errors);
  capErrors(out);
  out.ok = out.errors.length === 0 && out.inputErrors.length === 0;
}

/** The shape problem of `options` (one XR041 naming the option), or null: checked before the
 * fen path, which must not walk a text as if it were a mapping. The values of `parameters` are
 * checked by parseOverrides, `asOf` by the caller (XR002). */
function optionsShape(o: unknown): { args: Record<string, string>; path: string } | null {
  if (typeof o !== 'object' || Array.isArray(o)) return bad('options', '对象', 'an object', o);
  const { outputs, parameters } = o as EvaluateOptions;
  if (outputs !== undefined && outputs !== null && !Array.isArray(outputs)) return bad('outputs', '输出名的列表', 'a list of output names', outputs);
  if (parameters !== undefined && parameters !== null && (typeof parameters !== 'object' || Array.isArray(parameters))) {
    return bad('parameters', PARAMETERS_EXPECTED[0], PARAMETERS_EXPECTED[1], parameters);
  }
  return null;
}

// (not a closure in optionsShape: one function object per case is measurable on the hot path)
function bad(field: string, expected: string, expectedEn: string, value: unknown): { args: Record<string, string>; path: string } {
  return { args: { field, expected, expectedEn, value: showValue(value) }, path: field };
}

/** Output rule indices of `outputs` (all when undefined); null when a name is unknown (the
 * decimal path reports XR016). */
function outputsWanted(M: PolicyModel, P: ReturnType<typeof prep>, outputs: readonly string[] | undefined | null): readonly number[] | null {
  if (outputs === undefined || outputs === null) return M.outputRules;
  let lo = P.lastOutputs;
  if (lo === null || lo.names !== outputs || lo.names.length !== lo.which.length + lo.unknown.length) {
    lo = { names: outputs, which: [], unknown: [] };
    for (const name of outputs) {
      const i = P.outputIndex.get(name);
      if (i === undefined) lo.unknown.push(name);
      else lo.which.push(i);
    }
    P.lastOutputs = lo;
  }
  return lo.unknown.length > 0 ? null : lo.which;
}

/** allFen of the requested outputs, remembered with the outputs list it was asked for. */
function fenAll(M: PolicyModel, P: ReturnType<typeof prep>, outputs: readonly string[] | undefined | null, which: readonly number[]): boolean {
  if (outputs === undefined || outputs === null) return (P.allOutputsFen ??= allFen(M.fen!, which));
  const lo = P.lastOutputs!;
  return (lo.allFen ??= allFen(M.fen!, which));
}

function plainOutcome(M: PolicyModel, asOf: string): Outcome {
  return { policy: M.info.name, asOf, ok: true, inputErrors: [], outputs: {}, unavailable: {}, errors: [], checks: [] };
}

/** The checks of a case the fen path answered, read from a LazyOutcome: on the fen path when
 * every check has a fen form, else on the decimal path (their conditions may use anything). */
export function checksOf(M: PolicyModel, input: unknown, asOf: string, given: Record<string, unknown> | null): ReturnType<ChecksRunner> {
  const hits: number[] = [];
  if (fenChecks(M, prep(M), input, asOf, given, hits)) {
    const checks: Outcome['checks'] = [];
    for (let n = 0; n < hits.length; n++) {
      const C = M.checks[hits[n]!]!;
      const c: Outcome['checks'][number] = { name: C.name, severity: C.severity, message: C.message };
      if (C.cite !== undefined) c.cite = C.cite;
      checks.push(c);
    }
    const errors: Outcome['errors'] = [];
    checkFailures(checks, errors);
    return { checks, errors, ok: errors.length === 0 };
  }
  const d = evaluateModel(M, input, { asOf, parameters: given ?? undefined, outputs: [], engine: 'decimal' });
  return { checks: d.checks, errors: d.errors, ok: d.ok };
}

/** engine 'verify': the decimal answer, with an XR012 error when the fen answer differs. */
function verified(M: PolicyModel, input: unknown, options: EvaluateOptions, fen: Outcome): Outcome {
  const dec = evaluateModel(M, input, { ...options, engine: 'decimal' });
  const a = JSON.stringify(fen.outputs);
  const b = JSON.stringify(dec.outputs);
  if (a !== b || fen.ok !== dec.ok || JSON.stringify(fen.checks) !== JSON.stringify(dec.checks)) {
    dec.errors.push(toEvalError(fail('XR012', { detail: `fen and decimal paths disagree: ${a} ≠ ${b}` })));
    dec.ok = false;
  }
  return dec;
}

/** Builds the loaded policy object from a model (the tail of every generated body). */
export function createPolicy(M: PolicyModel): LoadedPolicy {
  const policy = {
    evaluate: (input: unknown, options?: EvaluateOptions) => evaluateModel(M, input, options),
    inputSchema: M.schema,
    policyInfo: M.info,
    outputs: M.outputs,
  } as LoadedPolicy;
  models.set(policy, M);
  return policy;
}

const models = new WeakMap<object, PolicyModel>();

/** The model behind a loaded policy (runtime/batch.ts evaluates on it directly). */
export function modelOf(policy: LoadedPolicy): PolicyModel {
  const M = models.get(policy);
  if (M === undefined) throw new TypeError('not a policy loaded by this runtime');
  return M;
}
setChecksRunner(checksOf);
