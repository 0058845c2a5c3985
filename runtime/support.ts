// The one object generated code calls (`rt.evalSupport`, bound to `E` in a generated body):
// every runtime entry point compiled expressions use, under the names codegen emits. Keeping
// them on one object means generated code never collides with the runtime's exported names.
import { Decimal } from './money.ts';
import * as dates from './dates.ts';
import type { Ctx } from './context.ts';
import { MissingInput, fail } from './failures.ts';
import { ZERO } from './convert.ts';
import { rule, call, fin, tag, ver, exc } from './rules.ts';
import { param, table, band } from './policyData.ts';
import { inp, has, ofld } from './inputs.ts';
import { lit, D, div, toInt, calendar, dateAdd, dateDiff, cmp, eq, indexOf, inAny, min, max, clampV, round, unmatched } from './ops.ts';
import { createPolicy } from './evaluate.ts';
import { fenSupport } from './fenEval.ts';

/** The support object generated code calls (`rt.evalSupport`). */
export const evalSupport = {
  ZERO,
  lit,
  num: D,
  fail,
  isMissing: (e: unknown): boolean => e instanceof MissingInput,
  rule,
  call,
  fin,
  tag,
  ver,
  exc,
  param,
  table,
  band,
  inp,
  has,
  ofld,
  div,
  dateAdd,
  dateDiff,
  cmp,
  eq,
  indexOf,
  inAny,
  min,
  max,
  clamp: clampV,
  round,
  unmatched,
  monthAfter: (d: string) => dates.monthAfter(d),
  monthStart: (d: string) => dates.monthStart(d),
  addMonths: (d: string, n: Decimal) => dates.addMonths(d, toInt(n)),
  addDays: (d: string, n: Decimal) => dates.addDays(d, toInt(n)),
  addWorkdays: (cx: Ctx, d: string, n: Decimal) => calendar(cx).addWorkdays(d, toInt(n)),
  workdaysBetween: (cx: Ctx, a: string, b: string) => D(calendar(cx).workdaysBetween(a, b)),
  daysBetween: (a: string, b: string) => D(dates.daysBetween(a, b)),
  monthsBetween: (a: string, b: string) => D(dates.monthsBetween(a, b)),
  ageAt: (b: string, d: string) => D(dates.ageAt(b, d)),
  year: (d: string) => D(dates.yearOf(d)),
  makeDate: (y: Decimal, m: Decimal, d: Decimal) => dates.makeDate(toInt(y), toInt(m), toInt(d)),
  yearEnd: (d: string) => dates.yearEnd(d),
  yearStart: (d: string) => dates.yearStart(d),
  createPolicy,
  /** what fen-path functions call (runtime/fenEval.ts) */
  fen: fenSupport,
};
