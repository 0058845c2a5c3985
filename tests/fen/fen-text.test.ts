// The fen path writes money texts from the integer (runtime/fenText.ts) instead of through
// moneyScaledText and groupThousands; the texts must be exactly theirs — every group boundary,
// every cent, both signs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenDisplayText, fenValueText } from '../../runtime/fenText.ts';
import { moneyScaledText } from '../../runtime/fen.ts';
import { groupThousands } from '../../runtime/format.ts';

const reference = (n: number) => {
  const value = moneyScaledText(n, 2);
  return { value, display: `${groupThousands(value)}元` };
};
const texts = (n: number) => {
  const value = fenValueText(n);
  return { value, display: fenDisplayText(n, value) };
};

describe('fen money texts', () => {
  it('hand-picked amounts', () => {
    expect(texts(0)).toEqual({ value: '0.00', display: '0.00元' });
    expect(texts(5)).toEqual({ value: '0.05', display: '0.05元' });
    expect(texts(99999)).toEqual({ value: '999.99', display: '999.99元' });
    expect(texts(100000)).toEqual({ value: '1000.00', display: '1,000.00元' });
    expect(texts(123456789)).toEqual({ value: '1234567.89', display: '1,234,567.89元' });
    expect(texts(-100001)).toEqual({ value: '-1000.01', display: '-1,000.01元' });
    expect(texts(100000000000)).toEqual({ value: '1000000000.00', display: '1,000,000,000.00元' });
  });

  it('equal the decimal path texts at every power-of-ten boundary', () => {
    for (let e = 0; e <= 15; e++) {
      for (const d of [-1, 0, 1]) {
        const n = 10 ** e + d;
        if (!Number.isSafeInteger(n)) continue;
        expect(texts(n)).toEqual(reference(n));
        expect(texts(-n)).toEqual(reference(-n));
      }
    }
    expect(texts(Number.MAX_SAFE_INTEGER)).toEqual(reference(Number.MAX_SAFE_INTEGER));
  });

  // below 10^8 fen the value text is built from character codes, one branch per digit count
  it('equal the decimal path value text for every amount below 1000 yuan and around each digit count', () => {
    for (let n = 1; n <= 100_000; n++) if (fenValueText(n) !== moneyScaledText(n, 2)) expect(fenValueText(n)).toBe(moneyScaledText(n, 2));
    for (let e = 5; e <= 9; e++) for (let d = -300; d <= 300; d++) expect(fenValueText(10 ** e + d)).toBe(moneyScaledText(10 ** e + d, 2));
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
      expect(fenValueText(n)).toBe(moneyScaledText(n, 2));
    }), { numRuns: 20000 });
  });

  it('equal the decimal path texts for any safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e10, max: 1e10 }), fc.maxSafeInteger(), fc.integer()), (n) => {
        expect(texts(n)).toEqual(reference(n));
      }),
      { numRuns: 5000 },
    );
  });
});
