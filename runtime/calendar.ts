// Working-day calendar: the State Council holiday arrangements (国务院办公厅 部分节假日安排的
// 通知) bundled in the npm package `chinese-days` (coverage: 2004–2026 in version 1.5.7),
// extended by a policy's 日历 block.
//
// A date is a working day when it is a make-up working day (调休上班), or it is Monday–Friday
// and not a holiday. "Holiday" means a day off of the arrangements (statutory day or a
// weekday swapped into the break); ordinary weekends are not holidays.
//
// Coverage: the years of the bundled data plus every year in which the policy's 日历 block
// lists a date (or `years` names). A question about a day outside the covered years throws
// XR020 — there is no silent weekend-only fallback.
//
// The extension wins over the bundled data: a date listed as a holiday is a day off even if
// the bundle says make-up working day, and vice versa. A date in both lists throws XR024.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { runtimeError } from './errors.ts';
import { showValue } from './showValue.ts';
import { dayOfWeek, fromDayNumber, parseDate, toDayNumber, type ISODate } from './dates.ts';

const bundle = data as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * Corrections to the bundled data, each checked against the State Council notice.
 * 2005-12-31 (Saturday) was a working day: 国办发明电〔2005〕35号 “元旦：1月1日—3日放假 …
 * 12月31日（星期六）上班” — chinese-days 1.5.7 omits it.
 */
const ERRATA_WORKDAYS: readonly ISODate[] = ['2005-12-31'];

const BUNDLED_YEARS: number[] = [...new Set(Object.keys(bundle.holidays).map((d) => +d.slice(0, 4)))].sort((a, b) => a - b);

/** The years the bundled State Council data covers. */
export const BUNDLED_COVERAGE: { from: number; to: number } = {
  from: BUNDLED_YEARS[0],
  to: BUNDLED_YEARS[BUNDLED_YEARS.length - 1],
};

export interface CalendarExtension {
  /** Extra days off (节假日). */
  holidays?: readonly ISODate[];
  /** Extra make-up working days (调休工作日). */
  workdays?: readonly ISODate[];
  /** Years declared complete even if no date of theirs is listed. */
  years?: readonly number[];
}

export class WorkCalendar {
  private readonly holidays = new Map<ISODate, string>();
  private readonly workdays = new Set<ISODate>();
  private readonly years = new Set<number>(BUNDLED_YEARS);

  constructor(ext: CalendarExtension = {}) {
    for (const [d, v] of Object.entries(bundle.holidays)) this.holidays.set(d, v);
    for (const d of Object.keys(bundle.workdays)) this.workdays.add(d);
    for (const d of ERRATA_WORKDAYS) this.workdays.add(d);
    const hs = check(ext.holidays ?? [], 'holidays');
    const ws = check(ext.workdays ?? [], 'workdays');
    const wset = new Set(ws);
    for (const d of hs) {
      if (wset.has(d)) throw runtimeError('XR024', { date: d });
      this.workdays.delete(d);
      this.holidays.set(d, '');
      this.years.add(+d.slice(0, 4));
    }
    for (const d of ws) {
      this.holidays.delete(d);
      this.workdays.add(d);
      this.years.add(+d.slice(0, 4));
    }
    for (const y of ext.years ?? []) {
      if (!Number.isInteger(y) || y < 1 || y > 9999) {
        throw runtimeError('XR025', { fn: 'WorkCalendar', arg: 'years', expected: '年份（整数）', expectedEn: 'a year (integer)', value: showValue(y) });
      }
      this.years.add(y);
    }
  }

  /** Contiguous covered years around the bundled range ({from: 2004, to: 2026} without extension). */
  coverage(): { from: number; to: number } {
    let { from, to } = BUNDLED_COVERAGE;
    while (this.years.has(from - 1)) from--;
    while (this.years.has(to + 1)) to++;
    return { from, to };
  }

  /** Whether the calendar knows the holidays of year y. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  private ensure(d: ISODate): void {
    const y = parseDate(d).y;
    if (!this.years.has(y)) {
      const { from, to } = this.coverage();
      throw runtimeError('XR020', { date: d, year: String(y), from: String(from), to: String(to) });
    }
  }

  /** A day off of the holiday arrangements (not an ordinary weekend). Throws XR020 outside coverage. */
  isHoliday(d: ISODate): boolean {
    this.ensure(d);
    return this.holidays.has(d);
  }

  /** Names of the holiday d belongs to ({zh: '春节', en: 'Spring Festival'}), if known. */
  holidayName(d: ISODate): { zh: string; en: string } | undefined {
    const v = this.isHoliday(d) ? this.holidays.get(d) : undefined;
    if (!v) return undefined;
    const [en, zh] = v.split(',');
    return { zh: zh ?? en, en };
  }

  /** A working day (make-up working day, or Mon–Fri and not a holiday). Throws XR020 outside coverage. */
  isWorkday(d: ISODate): boolean {
    this.ensure(d);
    if (this.workdays.has(d)) return true;
    if (this.holidays.has(d)) return false;
    return dayOfWeek(d) <= 5;
  }

  /** The n-th working day after d (加工作日); d itself is not counted; n = 0 gives d. */
  addWorkdays(d: ISODate, n: number): ISODate {
    let day = toDayNumber(d);
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw runtimeError('XR025', { fn: 'addWorkdays', arg: 'n', expected: '非负整数', expectedEn: 'a non-negative integer', value: showValue(n) });
    }
    let left = n;
    let cur = d;
    while (left > 0) {
      cur = fromDayNumber(++day);
      if (this.isWorkday(cur)) left--;
    }
    return cur;
  }

  /** Working days in (a, b] (工作日数); negative, −(b, a], when b is before a. */
  workdaysBetween(a: ISODate, b: ISODate): number {
    const x = toDayNumber(a);
    const y = toDayNumber(b);
    const [lo, hi, sign] = x <= y ? [x, y, 1] : [y, x, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorkday(fromDayNumber(day))) count++;
    return count === 0 ? 0 : sign * count;
  }
}

function check(ds: readonly ISODate[], name: string): ISODate[] {
  return ds.map((d, i) => {
    try {
      parseDate(d);
    } catch {
      throw runtimeError('XR021', { value: `${name}[${i}] = ${showValue(d)}` }, `${name}[${i}]`);
    }
    return d;
  });
}
