// Texts of money held in fen (scale 2), the common output of the fen path, written from the
// integer: the value text is the yuan digits and the cents with their point (`CENTS`); the display
// text's yuan below 1000 and three-digit groups come from tables made once (`SMALL`, `GROUP`).
// The result is exactly runtime/fen.ts moneyScaledText (value) and groupThousands(value) + '元'
// (display) — the decimal path's texts — only cheaper: end to end, writing the texts was most
// of the cost of a case (docs/benchmarks.md, profile).

/** "0" … "999" */
const SMALL: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
/** ",000" … ",999" */
const GROUP: readonly string[] = Array.from({ length: 1000 }, (_, i) => `,${String(i).padStart(3, '0')}`);
/** ".00" … ".99" */
const CENTS: readonly string[] = Array.from({ length: 100 }, (_, i) => `.${String(i).padStart(2, '0')}`);
/** ".00元" … ".99元" */
const CENTS_YUAN: readonly string[] = CENTS.map((c) => `${c}元`);

/** "1234.50" for 123450 fen (two places always; "-" for a negative amount). */
export function fenValueText(n: number): string {
  if (n === 0) return '0.00'; // a benefit that does not apply: common, and one string for all
  // below 10^8 fen (a million yuan), the usual case: the string in one piece from its character
  // codes (one allocation; number + string makes two, and was measured ≈ 20 % slower)
  if (n > 0 && n < 100_000_000) return smallValueText(n);
  const a = n < 0 ? -n : n;
  const r = a % 100;
  const y = (a - r) / 100;
  // a safe integer's digits (number + string: V8 takes them from its number-to-string cache);
  // then the cents with their point
  const body = y + CENTS[r]!;
  return n < 0 ? `-${body}` : body;
}

const fc = String.fromCharCode;
/** fenValueText for 0 < n < 10^8 (all int32 arithmetic). */
function smallValueText(n: number): string {
  const c0 = 48 + (n % 10);
  const c1 = 48 + (((n / 10) | 0) % 10);
  const y = (n / 100) | 0;
  if (y < 10) return fc(48 + y, 46, c1, c0);
  if (y < 100) return fc(48 + ((y / 10) | 0), 48 + (y % 10), 46, c1, c0);
  if (y < 1000) return fc(48 + ((y / 100) | 0), 48 + (((y / 10) | 0) % 10), 48 + (y % 10), 46, c1, c0);
  if (y < 10000) return fc(48 + ((y / 1000) | 0), 48 + (((y / 100) | 0) % 10), 48 + (((y / 10) | 0) % 10), 48 + (y % 10), 46, c1, c0);
  if (y < 100000) {
    return fc(48 + ((y / 10000) | 0), 48 + (((y / 1000) | 0) % 10), 48 + (((y / 100) | 0) % 10), 48 + (((y / 10) | 0) % 10), 48 + (y % 10), 46, c1, c0);
  }
  return fc(48 + ((y / 100000) | 0), 48 + (((y / 10000) | 0) % 10), 48 + (((y / 1000) | 0) % 10), 48 + (((y / 100) | 0) % 10), 48 + (((y / 10) | 0) % 10), 48 + (y % 10), 46, c1, c0);
}

/** "1,234.50元" for 123450 fen; `value` is fenValueText(n), reused when no grouping is needed. */
export function fenDisplayText(n: number, value: string): string {
  const a = n < 0 ? -n : n;
  const r = a % 100;
  const y = (a - r) / 100;
  if (n === 0) return '0.00元';
  if (y < 1000) return value + '元';
  let body: string;
  if (y < 1_000_000) {
    const k = y % 1000;
    body = SMALL[(y - k) / 1000]! + GROUP[k]! + CENTS_YUAN[r]!;
  } else if (y < 1_000_000_000) {
    const k = y % 1000;
    const m = ((y - k) / 1000) % 1000;
    body = SMALL[(y - k - m * 1000) / 1_000_000]! + GROUP[m]! + GROUP[k]! + CENTS_YUAN[r]!;
  } else {
    // rare: the general grouping of the value text
    let out = '';
    let rest = y;
    while (rest >= 1000) {
      const k = rest % 1000;
      out = GROUP[k]! + out;
      rest = (rest - k) / 1000;
    }
    body = SMALL[rest]! + out + CENTS_YUAN[r]!;
  }
  return n < 0 ? `-${body}` : body;
}
