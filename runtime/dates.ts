// Calendar dates as ISO strings 'YYYY-MM-DD' (years 0001–9999), computed with integer day
// numbers (days since 1970-01-01, proleptic Gregorian). No Date object, no time zone.
// Invalid input throws XizeRuntimeError XR021 (date) or XR025 (argument).
//
// Conventions:
// - addMonths clamps to the end of the target month: 2024-01-31 + 1 month = 2024-02-29,
//   2023-01-31 + 1 month = 2023-02-28; always computed from the original date
//   (2024-01-31 + 2 months = 2024-03-31).
// - monthsBetween(a, b) for a ≤ b is the largest n with addMonths(a, n) ≤ b: a month is
//   complete when its day-of-month is reached, clamped at month end. So
//   2024-01-31 → 2024-02-29 is 1 month, 2024-02-29 → 2024-03-28 is 0, → 2024-03-29 is 1.
//   For b < a it is −monthsBetween(b, a).
// - ageAt(birth, d) = floor(monthsBetween(birth, d) / 12): the birthday counts on the day;
//   someone born on 29 February turns a year older on 28 February in common years
//   (born 2000-02-29 → 18 on 2018-02-28). A date before the birth throws XR026.
import { runtimeError } from './errors.ts';
import { showValue as show } from './showValue.ts';

export type ISODate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function validYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Whether `s` is an existing calendar date written YYYY-MM-DD (rejects 2023-02-29, 2024-1-5). */
export function isValidDate(s: unknown): s is ISODate {
  if (typeof s !== 'string') return false;
  if (validSeen.has(s)) return true; // a batch repeats the same few dates: skip the regex
  const m = DATE_RE.exec(s);
  const ok = m !== null && validYmd(+m[1], +m[2], +m[3]);
  if (ok) {
    if (validSeen.size >= 4096) validSeen.clear();
    validSeen.add(s);
  }
  return ok;
}
const validSeen = new Set<string>();

/** Year, month (1–12) and day of a date; throws XR021 when invalid. */
export function parseDate(s: ISODate): { y: number; m: number; d: number } {
  const r = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (r) {
    const y = +r[1], m = +r[2], d = +r[3];
    if (validYmd(y, m, d)) return { y, m, d };
  }
  throw runtimeError('XR021', { value: show(s) });
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function fmt(y: number, m: number, d: number): ISODate {
  if (y < 1 || y > 9999) throw runtimeError('XR027', { value: `${y}-${pad(m, 2)}-${pad(d, 2)}` });
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The date y-m-d (日期(y, m, d)); throws XR021 when it does not exist. */
export function makeDate(y: number, m: number, d: number): ISODate {
  if (!validYmd(y, m, d)) throw runtimeError('XR021', { value: `${y}-${m}-${d}` });
  return fmt(y, m, d);
}

// Day numbers (H. Hinnant's days_from_civil / civil_from_days), 0 = 1970-01-01.
export function toDayNumber(s: ISODate): number {
  const { y: y0, m, d } = parseDate(s);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): ISODate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return fmt(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(s: ISODate): number {
  const n = toDayNumber(s);
  return ((((n + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

function int(fn: string, arg: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw runtimeError('XR025', { fn, arg, expected: '整数', expectedEn: 'an integer', value: show(n) });
  }
  return n;
}

/** d + n days (n may be negative). */
export function addDays(d: ISODate, n: number): ISODate {
  return fromDayNumber(toDayNumber(d) + int('addDays', 'n', n));
}

/** d + n calendar months, clamped to the end of the target month (n may be negative). */
export function addMonths(d: ISODate, n: number): ISODate {
  const { y, m, d: day } = parseDate(d);
  const k = y * 12 + (m - 1) + int('addMonths', 'n', n);
  const ty = Math.floor(k / 12);
  const tm = k - ty * 12 + 1;
  if (ty < 1 || ty > 9999) throw runtimeError('XR027', { value: `${ty}-${pad(tm, 2)}` });
  return fmt(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** d + n years (= 12n months, so 2024-02-29 + 1 year = 2025-02-28). */
export function addYears(d: ISODate, n: number): ISODate {
  return addMonths(d, 12 * int('addYears', 'n', n));
}

/** First day of the month of d (月初). */
export function monthStart(d: ISODate): ISODate {
  const { y, m } = parseDate(d);
  return fmt(y, m, 1);
}

/** Last day of the month of d. */
export function monthEnd(d: ISODate): ISODate {
  const { y, m } = parseDate(d);
  return fmt(y, m, daysInMonth(y, m));
}

/** First day of the month after d (次月): 2024-01-31 → 2024-02-01, 2024-12-05 → 2025-01-01. */
export function monthAfter(d: ISODate): ISODate {
  const { y, m } = parseDate(d);
  return m === 12 ? fmt(y + 1, 1, 1) : fmt(y, m + 1, 1);
}

/** b − a in days (天数差). */
export function daysBetween(a: ISODate, b: ISODate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Whole months from a to b (月数差); see the convention at the top of this file. */
export function monthsBetween(a: ISODate, b: ISODate): number {
  if (compareDates(b, a) < 0) return 0 - monthsBetween(b, a);
  const pa = parseDate(a);
  const pb = parseDate(b);
  const n = (pb.y - pa.y) * 12 + (pb.m - pa.m);
  return compareDates(addMonths(a, n), b) > 0 ? n - 1 : n;
}

/** Age in whole years at date d (年龄); the birthday counts on the day (29 Feb → 28 Feb). */
export function ageAt(birth: ISODate, d: ISODate): number {
  if (compareDates(d, birth) < 0) throw runtimeError('XR026', { birth, date: d });
  return Math.floor(monthsBetween(birth, d) / 12);
}

/** The year of d (年份). */
export function yearOf(d: ISODate): number {
  return parseDate(d).y;
}

/** January 1 of the year of d (年初). */
export function yearStart(d: ISODate): ISODate {
  return fmt(parseDate(d).y, 1, 1);
}

/** December 31 of the year of d (年末). */
export function yearEnd(d: ISODate): ISODate {
  return fmt(parseDate(d).y, 12, 31);
}

/** −1, 0 or 1 (both dates validated; ISO strings of valid dates compare lexically). */
export function compareDates(a: ISODate, b: ISODate): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
