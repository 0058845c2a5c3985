import { describe, expect, it } from 'vitest';
import {
  isValidDate, makeDate, addDays, addMonths, addYears, monthAfter, monthStart, monthEnd,
  daysBetween, monthsBetween, ageAt, yearOf, yearStart, yearEnd, compareDates, dayOfWeek,
  toDayNumber, fromDayNumber, XizeRuntimeError,
} from '../../runtime/index.ts';

function expectXR(f: () => unknown, code: string) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XizeRuntimeError);
    expect((e as XizeRuntimeError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('validation', () => {
  it('accepts real dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2024-04-31')).toBe(false);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-00-10')).toBe(false);
    expect(isValidDate('2024-1-05')).toBe(false);
    expect(isValidDate('2024-01-05T00:00')).toBe(false);
    expect(isValidDate(' 2024-01-05')).toBe(false);
    expect(isValidDate('0000-01-01')).toBe(false);
    expect(isValidDate(20240105)).toBe(false);
    expect(isValidDate(null)).toBe(false);
  });

  it('makeDate builds or throws XR021', () => {
    expect(makeDate(2024, 2, 29)).toBe('2024-02-29');
    expect(makeDate(5, 1, 1)).toBe('0005-01-01');
    expectXR(() => makeDate(2023, 2, 29), 'XR021');
    expectXR(() => makeDate(2023, 1.5, 1), 'XR021');
    expectXR(() => makeDate(NaN, 1, 1), 'XR021');
  });

  it('every function rejects invalid dates with XR021', () => {
    expectXR(() => addDays('2023-02-29', 1), 'XR021');
    expectXR(() => addMonths('2024/01/01', 1), 'XR021');
    expectXR(() => monthsBetween('2024-01-01', 'x'), 'XR021');
    expectXR(() => compareDates('2024-01-01', '2024-02-30'), 'XR021');
    expectXR(() => yearOf(undefined as never), 'XR021');
  });

  it('rejects non-integer counts with XR025 and out-of-range results with XR027', () => {
    expectXR(() => addDays('2024-01-01', 1.5), 'XR025');
    expectXR(() => addDays('2024-01-01', NaN), 'XR025');
    expectXR(() => addMonths('2024-01-01', '1' as never), 'XR025');
    expectXR(() => addDays('9999-12-31', 1), 'XR027');
    expectXR(() => addMonths('0001-01-31', -1), 'XR027');
  });
});

describe('day arithmetic', () => {
  it('day numbers round-trip', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(toDayNumber("0001-01-01")).toBe(-719162);
    expect(toDayNumber("9999-12-31")).toBe(2932896);
    for (let n = -719162; n <= 2932896; n += 997) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-01-01', 0)).toBe('2024-01-01');
  });

  it('daysBetween is b − a', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0);
  });

  it('dayOfWeek is ISO (Mon = 1)', () => {
    expect(dayOfWeek('2024-02-10')).toBe(6); // Saturday, 春节 2024
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(7);
  });
});

describe('months', () => {
  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('monthAfter, monthStart, monthEnd', () => {
    expect(monthAfter('2024-01-31')).toBe('2024-02-01');
    expect(monthAfter('2024-12-05')).toBe('2025-01-01');
    expect(monthAfter('2024-02-01')).toBe('2024-03-01');
    expect(monthStart('2024-02-29')).toBe('2024-02-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
  });

  it('monthsBetween counts a month when the day-of-month is reached (clamped at month end)', () => {
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsBetween('2023-01-31', '2023-02-28')).toBe(1);
    expect(monthsBetween('2024-02-29', '2024-03-28')).toBe(0);
    expect(monthsBetween('2024-02-29', '2024-03-29')).toBe(1);
    expect(monthsBetween('2024-01-15', '2024-02-14')).toBe(0);
    expect(monthsBetween('2024-01-15', '2024-02-15')).toBe(1);
    expect(monthsBetween('2023-06-15', '2024-06-14')).toBe(11);
    expect(monthsBetween('2023-06-15', '2024-06-15')).toBe(12);
    expect(monthsBetween('2024-01-01', '2024-01-01')).toBe(0);
    expect(monthsBetween('2024-02-15', '2024-01-15')).toBe(-1);
    expect(monthsBetween('2024-02-14', '2024-01-15')).toBe(0);
  });
});

describe('ages and years', () => {
  it('ageAt counts the birthday on the day', () => {
    expect(ageAt('2006-05-10', '2024-05-09')).toBe(17);
    expect(ageAt('2006-05-10', '2024-05-10')).toBe(18);
    expect(ageAt('2006-05-10', '2006-05-10')).toBe(0);
    expect(ageAt('1964-12-31', '2024-12-31')).toBe(60);
    expect(ageAt('1964-12-31', '2024-12-30')).toBe(59);
  });

  it('someone born on 29 February turns a year older on 28 February in common years', () => {
    expect(ageAt('2000-02-29', '2018-02-27')).toBe(17);
    expect(ageAt('2000-02-29', '2018-02-28')).toBe(18);
    expect(ageAt('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageAt('2000-02-29', '2020-02-28')).toBe(19); // leap year: birthday is 02-29
    expect(ageAt('2000-02-29', '2020-02-29')).toBe(20);
  });

  it('ageAt before birth throws XR026', () => {
    expectXR(() => ageAt('2000-01-02', '2000-01-01'), 'XR026');
  });

  it('yearOf, yearStart, yearEnd, compareDates', () => {
    expect(yearOf('2024-07-01')).toBe(2024);
    expect(yearStart('2024-07-01')).toBe('2024-01-01');
    expect(yearEnd('2024-07-01')).toBe('2024-12-31');
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
  });
});
