// Reading a case's values to the fen path's integers (runtime/fenEval.ts): an input value as
// the quick reader takes it (tryConvert: undefined = not sure, the case is then validated in
// full), a validated input or override (convertRaw: FALLBACK = not sure), and both with type
// and scale fixed for the straight-line kernels of runtime/fenKernel.ts (converterFor,
// overriderFor) — the same functions underneath, so a kernel accepts exactly what the generic
// reader accepts.
import * as dates from './dates.ts';
import type { RtType } from './model.ts';
import type { Prepared } from './prepared.ts';
import { FALLBACK, toScaled } from './fen.ts';
import { MAX_TEXT_CHARS } from './limits.ts';

/** A validated input or override value → fen value; FALLBACK when not sure. */
export function convertRaw(P: Prepared, scale: number | null, t: RtType, raw: unknown, override: boolean): unknown {
  switch (t.kind) {
    case 'money':
    case 'rate':
    case 'number':
    case 'integer':
    case 'duration':
      return numericRaw(t.kind, scale!, raw, override);
    case 'enum': {
      if (typeof raw !== 'string') throw FALLBACK;
      const i = P.enumIndex.get(t.name)?.get(raw);
      if (i === undefined) throw FALLBACK;
      return i;
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw FALLBACK;
      return raw;
    case 'date':
      if (!dates.isValidDate(raw)) throw FALLBACK;
      return raw;
    case 'text':
      if (typeof raw !== 'string') throw FALLBACK;
      return raw;
    default:
      throw FALLBACK;
  }
}

/** A case's scalar value → its fen value, or undefined when not sure. Success implies what
 * runtime/fastCheck.ts fastValue checks: a decimal string that ends in a digit and parses is
 * /^-?\d+(\.\d+)?$/ (parseScaled takes no sign but a leading "-", no empty part, one point),
 * and money is not negative (a "-" text is left to fastValue, which accepts "-0" only),
 * a rate's "%"/"‰" form is RATE_TEXT, enum members, booleans, dates and texts alike. */
function numericRaw(kind: string, scale: number, raw: unknown, override: boolean): number {
  if (typeof raw === 'string' && raw.charCodeAt(raw.length - 1) > 57 && kind !== 'rate') throw FALLBACK; // "%" only for rates
  const n = toScaled(raw, scale);
  if (n === undefined || (override && n < 0)) throw FALLBACK;
  if ((kind === 'integer' || kind === 'duration') && typeof raw !== 'number') throw FALLBACK;
  return n;
}

/** convertRaw of an override with the type and scale fixed (a kernel's per-parameter reader). */
export function overriderFor(P: Prepared, scale: number | null, t: RtType): (raw: unknown) => unknown {
  const kind = t.kind;
  if (scale !== null && (kind === 'money' || kind === 'rate' || kind === 'number' || kind === 'integer' || kind === 'duration')) {
    return (raw) => numericRaw(kind, scale, raw, true);
  }
  return (raw) => convertRaw(P, scale, t, raw, true);
}

export function tryConvert(P: Prepared, scale: number | null, t: RtType, raw: unknown): unknown {
  switch (t.kind) {
    case 'money':
    case 'number':
      return scale === null ? undefined : decimalIn(scale, raw);
    case 'rate':
      return scale === null ? undefined : rateIn(scale, raw);
    case 'integer':
    case 'duration':
      return scale === null ? undefined : countIn(scale, raw);
    case 'enum':
      return typeof raw === 'string' ? P.enumIndex.get(t.name)?.get(raw) : undefined;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'date':
      return dates.isValidDate(raw) ? raw : undefined;
    case 'text':
      return textIn(raw);
    default:
      return undefined;
  }
}

/** tryConvert with the type and scale fixed: what a kernel (runtime/fenKernel.ts) calls per
 * input, without the switch. The same functions as tryConvert's, so both accept the same. */
export function converterFor(P: Prepared, scale: number | null, t: RtType): (raw: unknown) => unknown {
  const none = () => undefined;
  switch (t.kind) {
    case 'money':
    case 'number':
      return scale === null ? none : (raw) => decimalIn(scale, raw);
    case 'rate':
      return scale === null ? none : (raw) => rateIn(scale, raw);
    case 'integer':
    case 'duration':
      return scale === null ? none : (raw) => countIn(scale, raw);
    case 'enum': {
      const members = P.enumIndex.get(t.name);
      return members === undefined ? none : (raw) => (typeof raw === 'string' ? members.get(raw) : undefined);
    }
    case 'boolean':
      return (raw) => (typeof raw === 'boolean' ? raw : undefined);
    case 'date': {
      // the last valid date text (cases of a batch or a loop mostly repeat a few dates)
      let last: unknown = undefined;
      return (raw) => {
        if (raw === last) return raw;
        if (!dates.isValidDate(raw)) return undefined;
        last = raw;
        return raw;
      };
    }
    case 'text':
      return textIn;
    default:
      return none;
  }
}

// money, numbers and rates are never negative unless the field declares a 范围 (a field with one
// is not read here); a "-…" text is left to fastValue, which accepts "-0" only
function decimalIn(scale: number, raw: unknown): number | undefined {
  if (typeof raw === 'string') {
    const last = raw.charCodeAt(raw.length - 1);
    if (last < 48 || last > 57) return undefined; // "%" only for rates
    if (raw.charCodeAt(0) === 45) return undefined;
  } else if (typeof raw === 'number' && !(raw >= 0)) return undefined;
  return toScaled(raw, scale);
}

function rateIn(scale: number, raw: unknown): number | undefined {
  if (typeof raw === 'string' ? raw.charCodeAt(0) === 45 : typeof raw === 'number' && !(raw >= 0)) return undefined;
  return toScaled(raw, scale);
}

function countIn(scale: number, raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? toScaled(raw, scale) : undefined;
}

// an over-long text is left to fastValue, which refuses it (XI015)
function textIn(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length <= MAX_TEXT_CHARS ? raw : undefined;
}
