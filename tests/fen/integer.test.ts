// runtime/fen.ts against decimal.js: rounding in every mode (ties and negatives included),
// parsing to a scale, and text back, over generated integers.
import { describe, expect } from 'vitest';
import { it, fc } from '@fast-check/vitest';
import Decimal from 'decimal.js';
import { FALLBACK, add, mul, moneyScaledText, parseScaled, roundDrop, rounder, scaledText, toScaled } from '../../runtime/fen.ts';
import { moneyText } from '../../runtime/convert.ts';
import { Decimal as RtDecimal } from '../../runtime/money.ts';

const D = Decimal.clone({ precision: 60 });
const MODES = { half_up: Decimal.ROUND_HALF_UP, half_even: Decimal.ROUND_HALF_EVEN, floor: Decimal.ROUND_FLOOR, ceil: Decimal.ROUND_CEIL } as const;
const mode = fc.constantFrom(...(Object.keys(MODES) as (keyof typeof MODES)[]));
const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
// values that sit on or next to a tie: m × 10^k + {-1, 0, 1} + 5 × 10^(k-1)
const nearTie = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: -1, max: 1 })).map(
  ([m, k, d]) => ({ n: m * 10 ** k + 5 * 10 ** (k - 1) + d, k }),
);

describe('integer rounding equals decimal.js', () => {
  it.prop([safe, fc.integer({ min: 0, max: 15 }), mode])('any safe integer, any places, any mode', (n, k, m) => {
    const want = new D(n).div(new D(10).pow(k)).toDecimalPlaces(0, MODES[m]);
    expect(String(roundDrop(n, k, m))).toBe(want.isZero() ? '0' : want.toFixed());
  });
  it.prop([nearTie, mode])('ties and their neighbours, both signs', ({ n, k }, m) => {
    const want = new D(n).div(new D(10).pow(k)).toDecimalPlaces(0, MODES[m]);
    expect(String(roundDrop(n, k, m))).toBe(want.isZero() ? '0' : want.toFixed());
  });
});

describe('the kernels\' fixed rounding', () => {
  // rounder(k, mode) is roundDrop(·, k, mode) with k and mode fixed: the same integer for every n,
  // ties (±…5, ±…50) and zero included
  const MODES = ['half_up', 'half_even', 'floor', 'ceil'];
  it.prop([fc.maxSafeNat().map((n) => n - Math.floor(Number.MAX_SAFE_INTEGER / 2)), fc.integer({ min: 0, max: 8 }), fc.constantFrom(...MODES)])('equals roundDrop', (n, k, mode) => {
    expect(rounder(k, mode)(n)).toBe(roundDrop(n, k, mode));
  });
  // below 10^15 half_up takes floor division instead of %: every n, and the ties and their
  // neighbours (q·10^k + 10^k/2 + {-1, 0, 1}), both signs
  it.prop([fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.integer({ min: 1, max: 8 })])('half_up below 10^15 equals roundDrop', (n, k) => {
    expect(rounder(k, 'half_up')(n)).toBe(roundDrop(n, k, 'half_up'));
  });
  it.prop([fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: -1, max: 1 })])('half_up at ties equals roundDrop', (q, k, e) => {
    const d = 10 ** k;
    for (const n of [q * d + d / 2 + e, q * d - d / 2 + e, q * d + e]) {
      if (Math.abs(n) < 10 ** 15) expect(rounder(k, 'half_up')(n)).toBe(roundDrop(n, k, 'half_up'));
    }
  });
  it('ties and signs, half_up', () => {
    const r = rounder(2, 'half_up');
    expect([150, 149, -150, -149, 50, -50, 0, 99, -99].map(r)).toEqual([2, 1, -2, -1, 1, -1, 0, 1, -1]);
    expect(Object.is(r(-49), 0)).toBe(true); // no -0
  });
});

describe('parsing and text', () => {
  const text = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 8 })).map(([neg, n, k]) => {
    const s = n.toString().padStart(k + 1, '0');
    const t = k === 0 ? s : `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
    return neg ? `-${t}` : t;
  });
  it.prop([text, fc.integer({ min: 0, max: 10 })])('parseScaled is exact or refuses', (t, scale) => {
    const got = parseScaled(t, scale);
    const exact = new D(t).times(new D(10).pow(scale));
    if (exact.isInteger() && exact.abs().lte(Number.MAX_SAFE_INTEGER)) expect(got).toBe(exact.isZero() ? 0 : exact.toNumber());
    else expect(got).toBeUndefined();
  });
  it.prop([safe, fc.integer({ min: 0, max: 12 })])('scaledText and moneyScaledText read like the decimal runtime', (n, s) => {
    const d = new RtDecimal(n).div(new RtDecimal(10).pow(s));
    expect(scaledText(n, s)).toBe(d.toFixed());
    expect(moneyScaledText(n, s)).toBe(moneyText(d));
  });
  it('percent, per mille, exponents and junk', () => {
    expect(parseScaled('60%', 6)).toBe(600000);
    expect(parseScaled('0.5‰', 6)).toBe(500);
    expect(parseScaled('1e5', 2)).toBeUndefined();
    expect(parseScaled('1.', 2)).toBeUndefined();
    expect(parseScaled('.5', 2)).toBeUndefined();
    expect(parseScaled('', 2)).toBeUndefined();
    expect(parseScaled('-', 2)).toBeUndefined();
    expect(parseScaled('1.234', 2)).toBeUndefined();
    expect(parseScaled('1.230', 2)).toBe(123);
    expect(toScaled(0.1, 2)).toBe(10);
    expect(toScaled(1e21, 2)).toBeUndefined();
    expect(toScaled(Number.NaN, 2)).toBeUndefined();
  });
  // toScaled reads a JSON number without writing its text when it can; the answer must be the
  // text's (String(x), as JSON.parse gives it, then parseScaled) for every double and scale
  it.prop([fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -1e12, max: 1e12 }).map((c) => c / 100), fc.integer().map((c) => c / 1e6), fc.double({ min: -1e-5, max: 1e-5 })), fc.integer({ min: 0, max: 15 })], { numRuns: 20000 })(
    'a number is read as its text is',
    (x, scale) => {
      fc.pre(!Number.isSafeInteger(x)); // integers are read by multiplying, not by this shortcut
      expect(toScaled(x, scale)).toBe(parseScaled(String(x), scale));
    },
  );
  it('numbers near the edges of the shortcut read as their texts', () => {
    for (const x of [1e-6, -1e-6, 9.99e-7, 5e-7, 0.1 + 0.2, 1.005, 9999999999999.99, 99999999999999.99, 1e15 / 100 + 0.5, 123456789.123456]) {
      for (let scale = 0; scale <= 15; scale++) expect(toScaled(x, scale)).toBe(parseScaled(String(x), scale));
    }
  });
  it('overflow falls back instead of losing digits', () => {
    expect(() => mul(2 ** 30, 2 ** 30)).toThrow();
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow();
    try {
      mul(2 ** 40, 2 ** 20);
    } catch (e) {
      expect(e).toBe(FALLBACK);
    }
  });
});
