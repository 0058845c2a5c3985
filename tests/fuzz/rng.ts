// A small seeded generator (mulberry32) for the mutation fuzz: the same seed gives the same
// mutants on every machine, so a short run in the test suite is deterministic and a finding of
// the long run can be replayed from its seed.
export interface Rng {
  /** an integer in [0, n) */
  int(n: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  seed: number;
}

export function rng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, chance: (p) => next() < p, pick: (xs) => xs[int(xs.length)]!, seed };
}
