// Comparing an outcome with a golden case's expectations: decimal values by value, rates also
// as percentages, `null` for an output that must be unavailable.
import Decimal from 'decimal.js';
import type { IrPolicy, XType } from '../ir.ts';
import type { JsonValue, LoadedPolicy, Outcome, OutputValue } from '../../runtime/outcome.ts';
import type { CaseResult, FieldResult, GoldenCase } from './types.ts';
import { formatValue, parseDecimal, type RecordFields } from '../../runtime/format.ts';

/** Field types of the policy's records, for formatting record values. */
export function recordFieldsOf(ir: IrPolicy): RecordFields {
  return (name) => ir.records.find((r) => r.name === name)?.fields;
}

// ---------------------------------------------------------------- comparison

const UNAVAILABLE = new Set(['unavailable', '不可用']);

function show(v: unknown): string {
  if (v === null || v === undefined) return '（无）/ (none)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const toDecimal = parseDecimal;

function truthy(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '真' || v === '是') return true;
  if (v === 'false' || v === '假' || v === '否') return false;
  return undefined;
}

/** Whether an expected value matches an actual JSON output value of type t. */
export function valueMatches(t: XType | undefined, expected: unknown, actual: unknown): boolean {
  const kind = t?.kind;
  if (kind === 'money' || kind === 'rate' || kind === 'number' || kind === 'integer' || kind === 'duration' || (kind === undefined && typeof actual === 'number')) {
    const a = toDecimal(actual);
    const e = toDecimal(expected);
    return a !== undefined && e !== undefined && a.eq(e);
  }
  if (kind === 'boolean' || (kind === undefined && typeof actual === 'boolean')) return truthy(expected) === actual;
  if (kind === 'list' || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual) || expected.length !== actual.length) return false;
    const el = t?.kind === 'list' ? t.element : undefined;
    return expected.every((x, i) => valueMatches(el, x, actual[i]));
  }
  if (kind === 'record' || (actual !== null && typeof actual === 'object')) {
    if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') return false;
    const ek = Object.keys(expected as object);
    const ak = Object.keys(actual as object);
    if (ek.length !== ak.length) return false;
    return ek.every((k) => Object.prototype.hasOwnProperty.call(actual, k) && valueMatches(undefined, (expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]));
  }
  return String(expected) === String(actual);
}

/** The output rules of a policy with their types (parameterless rules). */
export function outputTypes(ir: IrPolicy): Map<string, XType> {
  return new Map(ir.rules.filter((r) => r.params.length === 0).map((r) => [r.name, r.type]));
}

/** Outputs to compute for a case: the expected ones, or all when errors are expected. */
export function outputsFor(c: GoldenCase, ir: IrPolicy): string[] | undefined {
  if (c.expectedErrors !== undefined) return undefined;
  const types = outputTypes(ir);
  return Object.keys(c.expected).filter((k) => types.has(k));
}

function describeActual(o: Outcome, name: string, t?: XType, records?: RecordFields): string {
  const v = o.outputs[name] as OutputValue | undefined;
  if (v !== undefined) return t ? formatValue(t, v.value, records) : v.display;
  const u = o.unavailable[name];
  if (u !== undefined) return `不可用（缺少输入：${u.missing.join('、')}）/ unavailable (missing: ${u.missing.join(', ')})`;
  const err = o.errors.find((e) => e.rule === name || e.affects?.includes(name));
  if (err) return `错误 ${err.code}：${err.message.zh} / error ${err.code}: ${err.message.en}`;
  if (o.inputErrors.length > 0) return `未计算（输入错误）/ not computed (input errors)`;
  return '（未计算）/ (not computed)';
}

/** Compares an outcome with a case's expectations. */
export function compareOutcome(c: GoldenCase, o: Outcome, ir: IrPolicy): CaseResult {
  const types = outputTypes(ir);
  const records = recordFieldsOf(ir);
  const res: CaseResult = { id: c.id, pass: true, fields: [], notes: [] };
  if (c.title !== undefined) res.title = c.title;
  const push = (f: FieldResult) => {
    res.fields.push(f);
    if (!f.pass) res.pass = false;
  };

  for (const [name, expected] of Object.entries(c.expected)) {
    const line = c.lines[name];
    const base = { kind: 'output' as const, name, ...(line !== undefined ? { line } : {}) };
    const t = types.get(name);
    if (t === undefined) {
      push({ ...base, pass: false, expected: show(expected), actual: `没有这个输出 / no such output` });
      continue;
    }
    const actual = o.outputs[name] as OutputValue | undefined;
    const expectUnavailable = expected === null || (typeof expected === 'string' && UNAVAILABLE.has(expected));
    if (expectUnavailable) {
      push({ ...base, pass: o.unavailable[name] !== undefined, expected: '不可用 / unavailable', actual: describeActual(o, name) });
      continue;
    }
    const pass = actual !== undefined && valueMatches(t, expected, actual.value);
    // shown by the declared type (`40%`, `84,000.00元`); the raw values stay for machine reports
    push({
      ...base,
      pass,
      expected: formatValue(t, expected, records),
      actual: describeActual(o, name, t, records),
      expectedValue: expected as JsonValue,
      ...(actual !== undefined ? { actualValue: actual.value } : {}),
    });
  }

  const fired = o.checks.map((x) => x.name);
  if (c.expectedChecks !== undefined) {
    const want = [...new Set(c.expectedChecks)].sort();
    const got = [...new Set(fired)].sort();
    const line = c.lines['expected_checks'];
    push({
      kind: 'checks',
      name: 'expected_checks',
      pass: want.length === got.length && want.every((x, i) => x === got[i]),
      expected: `[${want.join(', ')}]`,
      actual: `[${got.join(', ')}]`,
      ...(line !== undefined ? { line } : {}),
    });
  }

  const codes = [...new Set([...o.inputErrors.map((e) => e.code), ...o.errors.map((e) => e.code)])].sort();
  if (c.expectedErrors !== undefined) {
    const want = [...new Set(c.expectedErrors)].sort();
    const line = c.lines['expected_errors'];
    push({
      kind: 'errors',
      name: 'expected_errors',
      pass: want.every((x) => codes.includes(x)) && (want.length > 0 || codes.length === 0),
      expected: `[${want.join(', ')}]`,
      actual: `[${codes.join(', ')}]`,
      ...(line !== undefined ? { line } : {}),
    });
  } else {
    if (o.inputErrors.length > 0) {
      push({
        kind: 'outcome',
        name: 'input',
        pass: false,
        expected: '输入有效 / valid input',
        actual: o.inputErrors.map((e) => `${e.code} ${e.path}: ${e.message.zh} / ${e.message.en}`).join('\n'),
      });
    }
    for (const e of o.errors) {
      // an error-severity check that holds (XR043) is the check itself: `expected_checks` states it
      if (e.code === 'XR043' && c.expectedChecks !== undefined) continue;
      const text = `${e.code}${e.rule ? ` [${e.rule}]` : ''}: ${e.message.zh} / ${e.message.en}`;
      if (e.rule === undefined) {
        push({ kind: 'outcome', name: 'evaluation', pass: false, expected: '无错误 / no error', actual: text });
      } else if (!(e.affects ?? []).some((n) => Object.prototype.hasOwnProperty.call(c.expected, n))) {
        res.notes.push(text);
        // an error in a check fails the case when the case states its checks
        if (c.expectedChecks !== undefined && (e.affects ?? []).length === 0) {
          push({ kind: 'outcome', name: 'checks', pass: false, expected: '检查可求值 / checks evaluate', actual: text });
        }
      }
    }
  }
  return res;
}

/** Evaluates one case against a loaded policy and compares (the runner the CLI and tests share). */
export function runGoldenCase(policy: LoadedPolicy, ir: IrPolicy, c: GoldenCase, explain = false): { outcome: Outcome; result: CaseResult } {
  const outputs = outputsFor(c, ir);
  const options: Parameters<LoadedPolicy['evaluate']>[1] = { asOf: c.asOf, explain };
  if (c.parameters !== undefined) options.parameters = c.parameters;
  if (outputs !== undefined) options.outputs = outputs;
  const outcome = policy.evaluate(c.input, options);
  return { outcome, result: compareOutcome(c, outcome, ir) };
}
