// Exact integer fixed-point helpers for the fen path (compiler/codegenFen.ts emits calls to
// them). A numeric value is a safe JS integer n standing for n / 10^scale, the scale being
// known statically per expression. Every operation checks that its result is still a safe
// integer; when it is not (or when a value cannot be written at its scale), it throws FALLBACK
// and the case is evaluated again on the decimal path — never a wrong answer.
//
// Why the check is enough: for safe integers a and b, the double result of a + b or a × b is
// the exact result whenever the exact result is a safe integer, and otherwise it is ≥ 2^53 in
// magnitude (rounding is monotone and 2^53 is representable), so Number.isSafeInteger rejects it.

/** Thrown (not an Error: no stack capture) when a case leaves the provable integer range. */
export const FALLBACK = { sentinel: 'fen-fallback' };

/** Thrown when an absent optional input is read: a check that reads one is skipped (as on the
 * decimal path); anywhere else the case goes to the decimal path, which reports it. */
export const MISSING = { sentinel: 'fen-missing' };

/** The fen value of a requested output that is unavailable (an input it needs is absent);
 * `missing` (fenEval.ts computeFen) holds the names the decimal path would list. */
export const UNAVAILABLE = { sentinel: 'fen-unavailable' };

export const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Largest scale a value may carry (10^15 is the largest power of ten below 2^53). */
export const MAX_SCALE = 15;

export function ck(x: number): number {
  if (!Number.isSafeInteger(x)) throw FALLBACK;
  return x;
}

export function add(a: number, b: number): number {
  const r = a + b;
  if (!Number.isSafeInteger(r)) throw FALLBACK;
  return r;
}

export function sub(a: number, b: number): number {
  const r = a - b;
  if (!Number.isSafeInteger(r)) throw FALLBACK;
  return r;
}

export function mul(a: number, b: number): number {
  const r = a * b;
  if (!Number.isSafeInteger(r)) throw FALLBACK;
  return r === 0 ? 0 : r; // no -0
}

/** x at a scale k steps larger (x × 10^k). */
export function up(x: number, k: number): number {
  const r = x * POW10[k]!;
  if (!Number.isSafeInteger(r)) throw FALLBACK;
  return r;
}

export function neg(x: number): number {
  return x === 0 ? 0 : -x;
}

/** Rounds n (at some scale) by dropping k decimal places in the given mode:
 * half_up = half away from zero (四舍五入), half_even, floor (toward −∞), ceil (toward +∞). */
export function roundDrop(n: number, k: number, mode: string): number {
  if (k <= 0) return n;
  if (k > MAX_SCALE) throw FALLBACK;
  const d = POW10[k]!;
  const r = n % d; // exact; sign of n
  let q = (n - r) / d; // exact: n - r is a multiple of d
  if (r !== 0) {
    switch (mode) {
      case 'half_up':
        if (2 * Math.abs(r) >= d) q += n < 0 ? -1 : 1;
        break;
      case 'half_even': {
        const t = 2 * Math.abs(r);
        if (t > d || (t === d && q % 2 !== 0)) q += n < 0 ? -1 : 1;
        break;
      }
      case 'floor':
        if (r < 0) q -= 1;
        break;
      case 'ceil':
        if (r > 0) q += 1;
        break;
      default:
        throw FALLBACK;
    }
  }
  return q === 0 ? 0 : q;
}

/** roundDrop with k and mode fixed (the kernels' rounding of a rule's value, runtime/fenKernel.ts):
 * half_up, the policies' usual mode, without the mode switch; the others call roundDrop. */
export function rounder(k: number, mode: string): (n: number) => number {
  if (mode !== 'half_up' || k <= 0 || k > MAX_SCALE) return (n) => roundDrop(n, k, mode);
  const d = POW10[k]!;
  const half = d / 2; // d is even for k ≥ 1
  return (n) => {
    if (n < 1e15 && n > -1e15) {
      // floor division instead of %: a double % is a call out of generated code, about twice
      // the cost of the rest of a rounding (measured; a case rounds four or five times). n / d
      // is within one of the true quotient, corrected below; q·d and n − q·d are exact (|n| <
      // 10^15, so every value here is an integer below 2^53).
      let q = Math.floor(n / d);
      let r = n - q * d; // 0 ≤ r < d after the correction: n = q·d + r
      if (r < 0) {
        q -= 1;
        r += d;
      } else if (r >= d) {
        q += 1;
        r -= d;
      }
      // half away from zero: up when the fraction r/d reaches ½ (n ≥ 0) or passes it (n < 0)
      if (n >= 0 ? r >= half : r > half) q += 1;
      return q === 0 ? 0 : q;
    }
    const r = n % d; // exact; sign of n
    let q = (n - r) / d;
    if (r >= half) q += 1;
    else if (r <= -half) q -= 1;
    return q === 0 ? 0 : q;
  };
}

/** Decimal text ("-12.345", "7", "60%", "0.5‰") → integer at `scale`; undefined when the text
 * is not plain decimal or needs more places than the scale (the caller falls back). */
export function parseScaled(s: string, scale: number): number | undefined {
  let end = s.length;
  let shift = 0;
  const last = s.charCodeAt(end - 1);
  if (last === 37 /* % */) { shift = 2; end--; }
  else if (last === 8240 /* ‰ */) { shift = 3; end--; }
  while (end > 0 && shift > 0 && s.charCodeAt(end - 1) === 32) end--;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) { negative = true; i = 1; }
  if (i >= end) return undefined;
  let n = 0;
  let digits = 0;
  let places = -1;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (places >= 0 || digits === 0) return undefined;
      places = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
    digits++;
    if (places >= 0) places++;
    if (digits > 15) return undefined;
  }
  if (digits === 0 || places === 0) return undefined;
  const have = (places < 0 ? 0 : places) + shift;
  if (have > scale) {
    // trailing zeros beyond the scale are harmless ("1.500" at scale 2)
    const extra = have - scale;
    if (extra > MAX_SCALE || n % POW10[extra]! !== 0) return undefined;
    n = n / POW10[extra]!;
  } else if (have < scale) {
    if (scale - have > MAX_SCALE) return undefined;
    n = n * POW10[scale - have]!;
    if (!Number.isSafeInteger(n)) return undefined;
  }
  return negative && n !== 0 ? -n : n;
}

/** A JSON number or decimal string → integer at `scale`, or undefined. */
export function toScaled(raw: unknown, scale: number): number | undefined {
  if (typeof raw === 'string') return parseScaled(raw, scale);
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) {
      const r = raw * POW10[scale]!;
      return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : undefined;
    }
    if (!Number.isFinite(raw)) return undefined;
    // Without writing the text: c is the answer when c / 10^scale gives back raw. Then raw is the
    // double nearest the decimal c / 10^scale, which has at most 15 significant digits; String(raw),
    // the shortest text that gives back raw, has no more, and two decimals of at most 15 digits
    // never give the same double — so String(raw) is that decimal, and parseScaled would return c.
    // (|raw| ≥ 1e-6: String(raw) is then not in exponent form, which parseScaled refuses.)
    if (scale <= 14) {
      const p = POW10[scale]!;
      const c = Math.round(raw * p);
      if (c / p === raw && c < 1e15 && c > -1e15 && (raw >= 1e-6 || raw <= -1e-6)) return c;
    }
    return parseScaled(String(raw), scale); // shortest round-trip text; exponent form → undefined
  }
  return undefined;
}

/** Plain decimal text of n / 10^scale with every trailing zero dropped ("0.6", "12", "-0.05"). */
export function scaledText(n: number, scale: number): string {
  if (scale <= 0) return String(n);
  const negative = n < 0;
  let s = String(negative ? -n : n);
  if (s.length <= scale) s = '0'.repeat(scale - s.length + 1) + s;
  let int = s.slice(0, s.length - scale);
  let frac = s.slice(s.length - scale);
  let e = frac.length;
  while (e > 0 && frac.charCodeAt(e - 1) === 48) e--;
  frac = frac.slice(0, e);
  if (int === '') int = '0';
  const body = frac.length > 0 ? `${int}.${frac}` : int;
  return negative && n !== 0 ? `-${body}` : body;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => `.${i < 10 ? '0' : ''}${i}`);

/** Money text as runtime/convert.ts moneyText: two places when that loses nothing, else every digit. */
export function moneyScaledText(n: number, scale: number): string {
  if (scale === 2) {
    // the common case (money rounded to fen): integer part and two digits, no trimming
    const a = n < 0 ? -n : n;
    const r = a % 100;
    const body = String((a - r) / 100) + TWO_DIGITS[r]!;
    return n < 0 ? `-${body}` : body;
  }
  const t = scaledText(n, scale);
  const dot = t.indexOf('.');
  if (dot < 0) return `${t}.00`;
  const dp = t.length - dot - 1;
  return dp === 1 ? `${t}0` : t;
}
