// A structural check of case input against the policy model that accepts only inputs the
// generated schema accepts. It lets a valid case skip ajv; anything it is unsure of goes to the
// full validator (runtime/validate.ts), which produces the XI… errors.
import * as dates from './dates.ts';
import { DECIMAL_RE as DECIMAL_TEXT, NON_NEGATIVE_DECIMAL_RE, NON_NEGATIVE_RATE_RE, RATE_RE as RATE_TEXT } from './money.ts';
import type { InputField, PolicyModel, RtType } from './model.ts';
import { withinRange } from './inputRange.ts';
import type { Prepared } from './prepared.ts';
import { MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './limits.ts';

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True only when `input` certainly satisfies the generated schema (runtime/validate.ts
 * conventions). False means "not sure": the caller then runs the full validator. */
export function fastValid(M: PolicyModel, P: Prepared, input: unknown): boolean {
  return fastObject(M, P, input, M.inputs, P.inputByName, P.requiredInputs);
}

function fastObject(
  M: PolicyModel,
  P: Prepared,
  o: unknown,
  fields: InputField[],
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
    if (!fastField(M, P, F, (o as Record<string, unknown>)[k])) return false;
  }
  return present === required;
}

/** fastValue for a field: a field with `范围` takes any number of its syntax inside the range
 * (negative ones too), the others the type's defaults. */
export function fastField(M: PolicyModel, P: Prepared, F: InputField, v: unknown): boolean {
  if (F.range === undefined) return fastValue(M, P, F.type, v);
  switch (F.type.kind) {
    case 'money':
    case 'number':
      return (typeof v === 'string' ? v.length <= MAX_TEXT_CHARS && DECIMAL_TEXT.test(v) : typeof v === 'number') && withinRange(v, F.range);
    case 'rate':
      return (typeof v === 'string' ? v.length <= MAX_TEXT_CHARS && RATE_TEXT.test(v) : typeof v === 'number') && withinRange(v, F.range, true);
    case 'integer':
    case 'duration':
      return Number.isInteger(v) && withinRange(v, F.range);
    default:
      return fastValue(M, P, F.type, v);
  }
}

export function fastValue(M: PolicyModel, P: Prepared, t: RtType, v: unknown): boolean {
  // a text or list over its size limit is refused by runtime/inputSize.ts (XI015)
  if (typeof v === 'string' && v.length > MAX_TEXT_CHARS) return false;
  switch (t.kind) {
    case 'money': // never negative without 范围: the schema's `minimum: 0` and `pattern`
    case 'number':
      return typeof v === 'string' ? NON_NEGATIVE_DECIMAL_RE.test(v) : typeof v === 'number' && Number.isFinite(v) && v >= 0;
    case 'rate':
      return typeof v === 'string' ? NON_NEGATIVE_RATE_RE.test(v) : typeof v === 'number' && Number.isFinite(v) && v >= 0;
    case 'integer':
    case 'duration':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return dates.isValidDate(v);
    case 'text':
      return typeof v === 'string';
    case 'enum':
      return typeof v === 'string' && P.enumIndex.get(t.name)?.has(v) === true;
    case 'list': {
      if (!Array.isArray(v) || v.length > MAX_LIST_ITEMS) return false;
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
