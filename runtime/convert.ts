// Value conversion between case JSON and internal values (runtime/model.ts): validated input
// or override → internal (fromJson), internal → JSON for outputs and trace (toJson), and the
// decimal/money text forms those use.
import { Decimal, dec, isDecimalInput } from './money.ts';
import type { JsonValue } from './outcome.ts';
import type { PolicyModel, RtType } from './model.ts';
import { prep } from './prepared.ts';
import { fail } from './failures.ts';
import { own, setOwn } from './own.ts';
import { showNumber, showValue } from './showValue.ts';

/** The shared zero (conversions and rounding return it instead of allocating, and for -0). */
export const ZERO = new Decimal(0);

const PCT_RE = /^(-?\d+(?:\.\d+)?)\s*(%|‰)$/;

export function parseRate(x: unknown): Decimal | undefined {
  if (typeof x === 'string') {
    const m = PCT_RE.exec(x.trim());
    if (m) return dec(m[1]!).div(m[2] === '%' ? 100 : 1000);
  }
  return isDecimalInput(x) ? dec(x) : undefined;
}

/** A Decimal from validated decimal text / a finite number (dec() re-checks the syntax). */
export function fastDec(raw: unknown): Decimal {
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
      if (i === undefined) throw fail('XR012', { detail: `unknown member ${showValue(raw)} of ${type.name}` });
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

export function decText(v: unknown): string {
  if (v instanceof Decimal) return v.isFinite() ? v.toFixed() : showNumber(v.toNumber());
  return typeof v === 'string' ? v : showValue(v);
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
export function moneyText(v: Decimal): string {
  const s = v.toFixed(); // plain digits, no rounding pass
  const dp = v.decimalPlaces();
  return dp === 0 ? s + '.00' : dp === 1 ? s + '0' : s;
}
