// The result of evaluating one case against a policy (docs/architecture.md, "Outcome"), the
// options of `evaluate`, and the shape of a loaded policy. Pure types plus tiny helpers; no
// Node API.
import type { TraceNode } from './trace.ts';
import type { InputError } from './validate.ts';

export interface BilingualText {
  zh: string;
  en: string;
}

/** A case-input problem (XI…), found by validating the input against the generated schema. */
export type CaseInputError = InputError;

/** A failure while evaluating (XR…). Never thrown out of `evaluate`: recorded in the outcome. */
export interface EvaluationError {
  code: string;
  message: BilingualText;
  hint?: BilingualText;
  /** The rule (or check) that was being computed when the failure happened. */
  rule?: string;
  /** Citation of that rule, when it has one. */
  cite?: string;
  /** Output rules that could not be computed because of this failure. */
  affects?: string[];
  /** Where in the caller's data the problem is, for errors about a per-case parameter override
   * or an option of `evaluate`: `parameters.统筹地区上年度职工月平均工资`, `outputs[2]` (the
   * same path syntax as input errors). */
  path?: string;
  args: Record<string, string>;
}

/** JSON form of a value: decimal strings for money/rate/number, numbers for integers and
 * durations, ISO strings for dates, member names for enums, arrays for lists, objects for records. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface OutputValue<V extends JsonValue = JsonValue> {
  /** 'money' | 'rate' | 'number' | 'integer' | 'boolean' | 'date' | 'text' | 'days' | 'months' |
   * 'workdays' | 'enum' | 'record' | 'list' */
  type: string;
  value: V;
  /** Human-readable form: `12,345.60`, `60%`, `5个工作日` … */
  display: string;
}

export interface CheckResult {
  name: string;
  severity: 'warning' | 'error';
  message: string;
  cite?: string;
}

export interface Outcome<O = Record<string, OutputValue>> {
  policy: string;
  asOf: string;
  /** No input error and no evaluation error. */
  ok: boolean;
  inputErrors: CaseInputError[];
  outputs: Partial<O> & Record<string, OutputValue>;
  unavailable: Record<string, { missing: string[] }>;
  errors: EvaluationError[];
  checks: CheckResult[];
  trace?: Record<string, TraceNode>;
}

export interface EvaluateOptions {
  /** The case's as-of date (ISO). Defaults to today's date (local time). */
  asOf?: string;
  /** Per-case parameter overrides, name -> JSON value (parsed per the parameter's type);
   * they win over every layer at every date. */
  parameters?: Record<string, unknown>;
  /** Record the explanation trace (`outcome.trace`). */
  explain?: boolean;
  /** Only compute these outputs (default: all). Checks are always evaluated. */
  outputs?: string[];
  /** Which arithmetic evaluates the case: 'auto' (default; integer fen where the compiler
   * proved it exact and the case is in range, else decimal), 'decimal' (always decimal.js), or
   * 'verify' (both, an XR012 error if they disagree — a test mode). The environment variable
   * XIZE_ENGINE sets the default where there is one. Explain always uses the decimal path. */
  engine?: 'auto' | 'decimal' | 'verify';
}

export interface OutputInfo {
  name: string;
  type: string;
  cite?: string;
  doc?: string;
  /** Rounding applied at the rule boundary (money rules). */
  rounding?: { mode: string; unit: string } | null;
}

export interface CitationInfo {
  kind: 'param' | 'table' | 'bands' | 'rule' | 'exception' | 'check' | 'version';
  name: string;
  cite: string;
  policy?: string;
}

export interface PolicyInfo {
  name: string;
  title?: string;
  abstract: boolean;
  chain: string[];
  effective: string | null;
  rounding: { mode: string; unit: string } | null;
  citations: CitationInfo[];
}

/** What `loadPolicy` returns and what a generated module exports. */
export interface LoadedPolicy<I = unknown, O = Record<string, OutputValue>> {
  evaluate(input: I, options?: EvaluateOptions): Outcome<O>;
  inputSchema: Record<string, unknown>;
  policyInfo: PolicyInfo;
  outputs: OutputInfo[];
}
