// The operations compiled expressions call that are more than one Decimal method: rounding,
// checked division and integer conversion, date arithmetic (with the work calendar), ordering,
// structural equality, min/max/clamp, and the unmatched-case failure.
import { Decimal, dec, roundTo, type RoundingMode, type RoundingUnit } from './money.ts';
import * as dates from './dates.ts';
import { XizeRuntimeError } from './errors.ts';
import { WorkCalendar } from './calendar.ts';
import type { Ctx } from './context.ts';
import { fail } from './failures.ts';
import { ZERO, decText } from './convert.ts';

const PLACES: Record<string, number> = { fen: 2, jiao: 1, yuan: 0 };
const MODES: Record<string, number> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/** roundTo (money.ts) without re-validating an already finite Decimal; -0 → 0. */
export function roundFast(x: Decimal, unit: string, mode: string): Decimal {
  const places = PLACES[unit];
  const rm = MODES[mode];
  if (places === undefined || rm === undefined) return roundTo(x, unit as RoundingUnit, mode as RoundingMode); // throws XR025
  if (x.decimalPlaces() <= places) return x.isZero() && x.isNegative() ? ZERO : x;
  const r = x.toDecimalPlaces(places, rm as 0);
  return r.isZero() && r.isNegative() ? ZERO : r;
}

export function lit(s: string): Decimal {
  return dec(s);
}

export function div(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) throw fail('XR009');
  return a.div(b);
}

export function toInt(x: unknown): number {
  const d = x as Decimal;
  if (!(d instanceof Decimal) || !d.isInteger() || !d.abs().lte(Number.MAX_SAFE_INTEGER)) {
    throw fail('XR018', { value: decText(x) });
  }
  return d.toNumber();
}

export function calendar(cx: Ctx): WorkCalendar {
  if (cx.P.calendar === null) {
    cx.P.calendar = new WorkCalendar(cx.M.calendar);
  }
  return cx.P.calendar;
}

/** date ± duration (sign = 1 or -1). */
export function dateAdd(cx: Ctx, d: string, n: Decimal, unit: 'days' | 'months' | 'workdays', sign: number): string {
  const k = toInt(n) * sign;
  if (unit === 'days') return dates.addDays(d, k);
  if (unit === 'months') return dates.addMonths(d, k);
  return calendar(cx).addWorkdays(d, k);
}

/** a − b for dates, in days. */
export function dateDiff(a: string, b: string): Decimal {
  return new Decimal(dates.daysBetween(b, a));
}

export function cmp(a: unknown, b: unknown): number {
  if (a instanceof Decimal) return a.cmp(b as Decimal);
  return (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
}

export function min(...xs: unknown[]): unknown {
  let best = xs[0];
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i], best) < 0) best = xs[i];
  return best;
}

export function max(...xs: unknown[]): unknown {
  let best = xs[0];
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i], best) > 0) best = xs[i];
  return best;
}

export function clampV(x: unknown, lo: unknown, hi: unknown): unknown {
  if (cmp(lo, hi) > 0) {
    throw new XizeRuntimeError('XR023', {
      zh: `限定（clamp）的下限 ${decText(lo)} 大于上限 ${decText(hi)}`,
      en: `clamp lower bound ${decText(lo)} is greater than upper bound ${decText(hi)}`,
    }, { lo: decText(lo), hi: decText(hi) });
  }
  return cmp(x, lo) < 0 ? lo : cmp(x, hi) > 0 ? hi : x;
}

/** Structural equality of internal values. */
export function eq(a: unknown, b: unknown): boolean {
  if (a instanceof Decimal) return b instanceof Decimal && a.eq(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
    return true;
  }
  return a === b;
}

/** 1-based position of `v` in `xs`: the same item (by identity, so equal twins keep their own
 * places) first, else the first structurally equal one; 0 when absent. */
export function indexOf(xs: unknown[], v: unknown): Decimal {
  const same = xs.indexOf(v);
  if (same >= 0) return new Decimal(same + 1);
  for (let i = 0; i < xs.length; i++) if (eq(xs[i], v)) return new Decimal(i + 1);
  return new Decimal(0);
}

export function inAny(v: unknown, xs: unknown[]): boolean {
  for (const x of xs) if (eq(v, x)) return true;
  return false;
}

export function unmatched(v: unknown): never {
  throw fail('XR017', { value: decText(v) });
}

export function round(x: Decimal, unit: RoundingUnit, mode: RoundingMode): Decimal {
  return roundFast(x, unit, mode);
}

export const D = (n: number) => new Decimal(n);
