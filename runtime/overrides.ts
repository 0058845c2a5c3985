// Per-case parameter overrides (EvaluateOptions.parameters): each given value is parsed by its
// parameter's type into an internal value; an unknown name is XR010, a value of the wrong shape
// XR011, one outside the declared `范围` XR040, a negative amount or count without a `范围` that
// allows it XR045, a value nested deeper than MAX_DATA_DEPTH XR042, a `parameters` that is not
// a mapping XR041. Overrides are lenient where case input is strict ("60%" for a rate, "真" for true).
import { dec, isDecimalInput, type DecInput } from './money.ts';
import * as dates from './dates.ts';
import type { Outcome } from './outcome.ts';
import type { PolicyModel, RtType } from './model.ts';
import { prep, type Prepared } from './prepared.ts';
import { capErrors, stop } from './failures.ts';
import { MAX_CASE_ERRORS, MAX_DATA_DEPTH, tooDeep } from './limits.ts';
import { showValue } from './showValue.ts';
import { formatInputPath } from './validate.ts';
import { fastDec, parseRate } from './convert.ts';

const OVERRIDE_EXPECT: Record<string, [string, string]> = {
  money: ['金额（数字，如 3000.00）', 'money (a decimal)'],
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

/** A per-case override given by date — `{ "2023-01-01": "8000", "2024-07-01": "8500" }` — so a
 * case can exercise "which date's figure" choices. It acts as the most derived layer: at a date
 * before its first entry the policy's own value applies. */
export class DatedOverride {
  constructor(readonly versions: { from: string; value: unknown }[]) {}
  /** The entry in force at `d`, or undefined before the first one. */
  at(d: string): { from: string; value: unknown } | undefined {
    let hit: { from: string; value: unknown } | undefined;
    for (const v of this.versions) {
      if (v.from <= d) hit = v;
      else break;
    }
    return hit;
  }
}

function isDatedMap(raw: unknown): raw is Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const keys = Object.keys(raw);
  return keys.length > 0 && keys.every((k) => dates.isValidDate(k));
}

/** Parses a per-case parameter override, plain or dated; undefined when invalid. */
function parseGiven(M: PolicyModel, type: RtType, raw: unknown): unknown {
  if (type.kind !== 'record' && isDatedMap(raw)) {
    const versions: { from: string; value: unknown }[] = [];
    for (const from of Object.keys(raw).sort()) {
      const value = parseOverride(M, type, raw[from]);
      if (value === undefined) return undefined;
      versions.push({ from, value });
    }
    return new DatedOverride(versions);
  }
  return parseOverride(M, type, raw);
}

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

/** A parsed override (plain or dated) within a parameter's declared `范围`: every entry must be. */
function inRange(v: unknown, [lo, hi]: [string, string]): boolean {
  const values = v instanceof DatedOverride ? v.versions.map((x) => x.value) : [v];
  return values.every((x) => {
    const d = dec(x as DecInput);
    return d.gte(lo) && d.lte(hi);
  });
}

/** A bound as the policy wrote it: rates as percentages (0.8 → 80%). */
function showBound(t: RtType, x: string): string {
  return t.kind === 'rate' ? `${dec(x).mul(100).toFixed()}%` : x;
}

/** What `parameters` must be, for XR041 (here and in runtime/evaluate.ts's options check). */
export const PARAMETERS_EXPECTED = ['对象（参数名 → 取值）', 'an object (parameter name → value)'] as const;

/** Kinds whose values are amounts or counts: never negative unless the declaration's `范围`
 * says so (the same bound the input schema has, compiler/codegenSchema.ts). */
const NON_NEGATIVE = new Set(['money', 'integer', 'duration']);

/** Whether a parsed override (plain, dated or a list) holds a negative amount or count. */
function negative(t: RtType, v: unknown): boolean {
  if (v instanceof DatedOverride) return v.versions.some((x) => negative(t, x.value));
  if (t.kind === 'list') return (v as unknown[]).some((x) => negative(t.element, x));
  return NON_NEGATIVE.has(t.kind) && dec(v as DecInput).isNegative() && !dec(v as DecInput).isZero();
}

/** The valid overrides in `given` as pairs of parameter index and internal value (null when
 * none); every invalid one is reported in `out` (which is then not ok), at most
 * MAX_CASE_ERRORS of them (then one XR044 counts the rest). `given` is whatever the caller
 * passed as `parameters`: anything but a mapping is one XR041. */
export function parseOverrides(M: PolicyModel, P: Prepared, given: unknown, out: Outcome): unknown[] | null {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    stop(out, 'XR041', { field: 'parameters', expected: PARAMETERS_EXPECTED[0], expectedEn: PARAMETERS_EXPECTED[1], value: showValue(given) }, 'parameters');
    return null;
  }
  let ov: unknown[] | null = null;
  let more = 0;
  const report = (code: string, args: () => Record<string, string>, path: string) => {
    if (out.errors.length >= MAX_CASE_ERRORS) {
      more++;
      out.ok = false;
    } else stop(out, code, args(), path);
  };
  for (const name of Object.keys(given)) {
    const at = formatInputPath(['parameters', name]);
    const i = P.paramIndex.get(name);
    if (i === undefined) {
      report('XR010', () => ({ name, known: M.params.map((q) => q.name).join('、') }), at);
      continue;
    }
    const T = M.params[i]!;
    const raw = (given as Record<string, unknown>)[name];
    const deep = tooDeep(raw, MAX_DATA_DEPTH, ['parameters', name]);
    if (deep !== null) {
      report('XR042', () => ({ name, limit: String(MAX_DATA_DEPTH), path: formatInputPath(deep) }), formatInputPath(deep));
      continue;
    }
    let v: unknown;
    try {
      v = parseGiven(M, T.type, raw);
    } catch {
      v = undefined;
    }
    if (v === undefined) {
      const [zh, en] = OVERRIDE_EXPECT[T.type.kind] ?? ['', ''];
      report('XR011', () => ({ name, value: showValue(raw), expected: zh, expectedEn: en }), at);
      continue;
    }
    if (T.range ? !inRange(v, T.range) : negative(T.type, v)) {
      if (T.range) report('XR040', () => ({ name, value: showValue(raw), lo: showBound(T.type, T.range![0]), hi: showBound(T.type, T.range![1]) }), at);
      else report('XR045', () => ({ name, value: showValue(raw) }), at);
      continue;
    }
    (ov ??= []).push(i, v);
  }
  if (more > 0) capErrors(out, more);
  return ov;
}
