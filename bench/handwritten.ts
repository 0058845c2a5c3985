// The hand-written baseline: the same national rules as provinces/national (条例第三十四条、
// 第三十五条、第三十六条、第六十四条) coded directly on decimal.js, as a developer would write
// them without Xize. Money results are rounded half-up to 0.01 yuan at each rule, as the policy
// header does.
import Decimal from 'decimal.js';
import type { BenchCase } from './cases.ts';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const fen = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

const LUMP_SUM_MONTHS = [0, 27, 25, 23, 21, 18, 16, 13, 11, 9, 7].map((m) => new D(m));
const ALLOWANCE_SHARE = [0, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6].map((p) => new D(String(p)));
const NURSING_SHARE = [new D(0), new D('0.3'), new D('0.4'), new D('0.5')];
const FLOOR = new D('0.6');
const CAP = new D(3);

export interface BenchResult {
  baseWage: Decimal;
  lumpSum: Decimal;
  allowance: Decimal;
  nursing: Decimal;
}

export function handwritten(c: BenchCase): BenchResult {
  const avg = new D(c.avgWage);
  const wage = new D(c.monthlyWage);
  const baseWage = fen(Decimal.min(Decimal.max(wage, fen(avg.mul(FLOOR))), fen(avg.mul(CAP))));
  const lumpSum = fen(baseWage.mul(LUMP_SUM_MONTHS[c.grade]));
  let allowance = new D(0);
  if (c.grade <= 6) {
    allowance = fen(baseWage.mul(ALLOWANCE_SHARE[c.grade]));
    const min = new D(c.minWage);
    if (allowance.lt(min)) allowance = min;
  }
  const nursing = fen(avg.mul(NURSING_SHARE[c.careLevel]));
  return { baseWage, lumpSum, allowance, nursing };
}
