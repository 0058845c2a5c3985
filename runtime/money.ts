// Exact decimal arithmetic for money, rates and numbers. Generated code never uses JS
// floating point for these: every value is a `Decimal` (a decimal.js clone, 40 significant
// digits, ROUND_HALF_UP for the rare inexact division). Nothing here produces NaN or Infinity:
// bad input throws XizeRuntimeError XR022.
// The named export, not the default: decimal.js's typings are CommonJS, and under
// `moduleResolution: nodenext` a default import of them is the module namespace, not the class.
import { Decimal as DecimalJs } from 'decimal.js';
import { runtimeError } from './errors.ts';
import { showNumber, showValue } from './showValue.ts';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export type DecInput = string | number | DecimalJs;
export type RoundingUnit = 'fen' | 'jiao' | 'yuan';
export type RoundingMode = 'half_up' | 'half_even' | 'floor' | 'ceil';

/** Plain decimal strings: optional minus, digits, optional fraction. No exponent, no '+', no spaces. */
export const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
/** DECIMAL_RE without negatives ("-0", "-0.00" are zero): the text form of a money input
 * (compiler/codegenSchema.ts puts its source in the input schema as `pattern`). */
export const NON_NEGATIVE_DECIMAL_RE = /^(?:\d+(?:\.\d+)?|-0+(?:\.0+)?)$/;
/** A rate as policy staff write it: a decimal fraction ("0.3") or a percentage / per mille ("30%", "0.5‰"). */
export const RATE_RE = /^-?\d+(\.\d+)?\s*(%|‰)?$/;
/** RATE_RE without negatives ("-0%" is zero): the text form of a rate input without 范围. */
export const NON_NEGATIVE_RATE_RE = /^(?:\d+(?:\.\d+)?|-0+(?:\.0+)?)\s*(%|‰)?$/;

function show(x: unknown): string {
  if (DecimalJs.isDecimal(x)) return (x as DecimalJs).isFinite() ? (x as DecimalJs).toString() : showNumber((x as DecimalJs).toNumber());
  return showValue(x);
}

/**
 * A Decimal from a decimal string ("8000", "-1.5", "8000.00"), a finite JS number (taken as
 * its shortest round-trip text, so 0.1 is exactly 0.1) or a Decimal. Throws XR022 otherwise.
 */
export function dec(x: DecInput): Decimal {
  if (typeof x === 'string') {
    if (!DECIMAL_RE.test(x)) throw runtimeError('XR022', { value: show(x) });
    return normZero(new Decimal(x));
  }
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw runtimeError('XR022', { value: show(x) });
    return new Decimal(String(x === 0 ? 0 : x));
  }
  if (DecimalJs.isDecimal(x) && (x as DecimalJs).isFinite()) {
    return x instanceof Decimal ? normZero(x) : normZero(new Decimal(x as DecimalJs));
  }
  throw runtimeError('XR022', { value: show(x) });
}

/** Whether `x` is acceptable to dec() (a decimal string, finite number or finite Decimal). */
export function isDecimalInput(x: unknown): x is DecInput {
  if (typeof x === 'string') return DECIMAL_RE.test(x);
  if (typeof x === 'number') return Number.isFinite(x);
  return DecimalJs.isDecimal(x) && (x as DecimalJs).isFinite();
}

function normZero(d: Decimal): Decimal {
  return d.isZero() && d.isNegative() ? new Decimal(0) : d;
}

const PLACES: Record<RoundingUnit, number> = { fen: 2, jiao: 1, yuan: 0 };
const MODES: Record<RoundingMode, DecimalJs.Rounding> = {
  half_up: DecimalJs.ROUND_HALF_UP, // half away from zero: 2.345 → 2.35, −2.345 → −2.35 (四舍五入)
  half_even: DecimalJs.ROUND_HALF_EVEN, // banker's rounding: 2.345 → 2.34, 2.355 → 2.36
  floor: DecimalJs.ROUND_FLOOR, // toward −∞
  ceil: DecimalJs.ROUND_CEIL, // toward +∞
};

/** Rounds to 分 (0.01), 角 (0.1) or 元 (1). A negative zero result is normalised to 0. */
export function roundTo(x: DecInput, unit: RoundingUnit, mode: RoundingMode): Decimal {
  const places = PLACES[unit];
  const rm = MODES[mode];
  if (places === undefined || !Object.hasOwn(PLACES, unit)) {
    throw runtimeError('XR025', { fn: 'roundTo', arg: 'unit', expected: ' 分/角/元 (fen/jiao/yuan)', expectedEn: 'fen, jiao or yuan', value: show(unit) });
  }
  if (rm === undefined || !Object.hasOwn(MODES, mode)) {
    throw runtimeError('XR025', { fn: 'roundTo', arg: 'mode', expected: '舍入方式 half_up/half_even/floor/ceil', expectedEn: 'half_up, half_even, floor or ceil', value: show(mode) });
  }
  return normZero(dec(x).toDecimalPlaces(places, rm));
}

/** Plain decimal text, never exponent notation, all significant digits ("0.000001", "-12.5"). */
export function formatDecimal(x: DecInput): string {
  return dec(x).toFixed();
}

/** Money text: exactly two decimals when that loses nothing ("12345.60"), else every digit. */
export function formatMoney(x: DecInput): string {
  const d = dec(x);
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** Rate display as a percentage with full precision: 0.6 → "60%", 0.075 → "7.5%". */
export function formatRate(x: DecInput): string {
  return `${dec(x).times(100).toFixed()}%`;
}

/** Smallest of one or more values (最小). */
export function dmin(...xs: DecInput[]): Decimal {
  if (xs.length === 0) throw runtimeError('XR025', { fn: 'min', arg: 'xs', expected: '至少一个数值', expectedEn: 'at least one value', value: '()' });
  let best = dec(xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const v = dec(xs[i]);
    if (v.lessThan(best)) best = v;
  }
  return best;
}

/** Largest of one or more values (最大). */
export function dmax(...xs: DecInput[]): Decimal {
  if (xs.length === 0) throw runtimeError('XR025', { fn: 'max', arg: 'xs', expected: '至少一个数值', expectedEn: 'at least one value', value: '()' });
  let best = dec(xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const v = dec(xs[i]);
    if (v.greaterThan(best)) best = v;
  }
  return best;
}

/** x limited to [lo, hi] (限定). Throws XR023 when lo > hi. */
export function clamp(x: DecInput, lo: DecInput, hi: DecInput): Decimal {
  const l = dec(lo);
  const h = dec(hi);
  if (l.greaterThan(h)) throw runtimeError('XR023', { lo: l.toFixed(), hi: h.toFixed() });
  const v = dec(x);
  return v.lessThan(l) ? l : v.greaterThan(h) ? h : v;
}

/** Exact sum (求和); `f` maps each element first. An empty list sums to 0. */
export function sum(xs: readonly DecInput[]): Decimal;
export function sum<T>(xs: readonly T[], f: (x: T, i: number) => DecInput): Decimal;
export function sum<T>(xs: readonly T[], f?: (x: T, i: number) => DecInput): Decimal {
  let acc = new Decimal(0);
  for (let i = 0; i < xs.length; i++) acc = acc.plus(dec(f ? f(xs[i], i) : (xs[i] as unknown as DecInput)));
  return normZero(acc);
}
