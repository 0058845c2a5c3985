// Deterministic benchmark cases: the benefit arithmetic of a disability case (wage base,
// lump sum, allowance, nursing), with the regional figures varying per case so every branch
// (60 % floor, 300 % cap, minimum-wage floor, half-cent rounding) is exercised.
// Integer arithmetic only, so the same seed gives the same cases on every machine.

export interface BenchCase {
  grade: number; // 1..10
  careLevel: number; // 0 none, 1 partial, 2 most, 3 total
  monthlyWage: string; // yuan with cents
  avgWage: string; // regional average monthly wage, yuan with cents
  minWage: string; // local minimum wage, whole yuan
}

/** A 32-bit linear congruential generator (Numerical Recipes constants). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

/** One case after another from one seed: `generateCases(n, seed)` is its first n. */
export function caseMaker(seed = 20241124): () => BenchCase {
  const next = lcg(seed);
  const between = (lo: number, hi: number) => lo + (next() % (hi - lo + 1));
  return () => {
    const band = next() % 10;
    // 30 % low wages (often floored), 40 % middle, 30 % high (often capped)
    const wageCents = band < 3 ? between(100_000, 600_000) : band < 7 ? between(600_000, 2_500_000) : between(2_500_000, 6_000_000);
    return {
      grade: between(1, 10),
      careLevel: between(0, 3),
      monthlyWage: cents(wageCents),
      avgWage: cents(between(500_000, 1_200_000)),
      minWage: String(between(1900, 2700)),
    };
  };
}

export function generateCases(n: number, seed = 20241124): BenchCase[] {
  const make = caseMaker(seed);
  const out: BenchCase[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = make();
  return out;
}

/** The cases of `generateCases(chunk, seed + k)` for k = 0, 1, … back to back, n in all, made
 * one at a time as they are pulled: a stream of any length holds one case, never a chunk. */
export function* caseStream(n: number, seed = 20241124, chunk = 10_000): Generator<BenchCase> {
  for (let start = 0, k = 0; start < n; start += chunk, k++) {
    const make = caseMaker(seed + k);
    for (let i = 0, m = Math.min(chunk, n - start); i < m; i++) yield make();
  }
}
