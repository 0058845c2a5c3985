// A case value against the `范围 lo..hi` of its input or record field (compiler/fieldRange.ts):
// the schema's custom keyword `decimalRange` (runtime/validate.ts), the fast check and the fen
// reader all decide with this one function, exactly (decimal.js, never a float comparison).
import { DECIMAL_RE, Decimal, RATE_RE } from './money.ts';
import { parseRate } from './convert.ts';

/** The value of a number, decimal text or (for rates) percentage text, or null when it is none
 * (the syntax the schema's format accepts; parseRate reads the percentage form). */
function valueOf(v: unknown, rate: boolean): Decimal | null {
  if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(v) : null;
  if (typeof v !== 'string' || !(rate ? RATE_RE : DECIMAL_RE).test(v)) return null;
  return rate ? parseRate(v) ?? null : new Decimal(v);
}

/** True when `v` is a number of the field's syntax inside [lo, hi]; false when outside or not a
 * number at all (the schema's type and format keywords report that). */
export function withinRange(v: unknown, range: readonly [string, string], rate = false): boolean {
  const d = valueOf(v, rate);
  return d !== null && d.gte(range[0]) && d.lte(range[1]);
}

/** Which end `v` passes ('lo' below the lower, 'hi' above the upper), or null (inside or not a number). */
export function outsideEnd(v: unknown, range: readonly [string, string], rate = false): 'lo' | 'hi' | null {
  const d = valueOf(v, rate);
  if (d === null) return null;
  return d.lt(range[0]) ? 'lo' : d.gt(range[1]) ? 'hi' : null;
}
