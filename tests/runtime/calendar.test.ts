import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WorkCalendar, BUNDLED_COVERAGE, XizeRuntimeError, addDays, compareDates, dayOfWeek } from '../../runtime/index.ts';

const cal = new WorkCalendar();

function expectXR(f: () => unknown, code: string): XizeRuntimeError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(XizeRuntimeError);
    expect((e as XizeRuntimeError).code).toBe(code);
    return e as XizeRuntimeError;
  }
  throw new Error(`expected ${code}`);
}

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = a; compareDates(d, b) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('bundled State Council data', () => {
  it('covers 2004–2026', () => {
    expect(BUNDLED_COVERAGE).toEqual({ from: 2004, to: 2026 });
    expect(cal.coverage()).toEqual({ from: 2004, to: 2026 });
    expect(cal.covers(2004)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
  });

  it('2024 Spring Festival: 02-10..02-17 off, 02-04 and 02-18 (Sundays) make-up working days', () => {
    // 国办发明电〔2023〕7号：春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    for (const d of range('2024-02-10', '2024-02-17')) {
      expect(cal.isHoliday(d)).toBe(true);
      expect(cal.isWorkday(d)).toBe(false);
    }
    expect(dayOfWeek('2024-02-04')).toBe(7);
    expect(dayOfWeek('2024-02-18')).toBe(7);
    expect(cal.isWorkday('2024-02-04')).toBe(true);
    expect(cal.isWorkday('2024-02-18')).toBe(true);
    expect(cal.isHoliday('2024-02-04')).toBe(false);
    expect(cal.isWorkday('2024-02-09')).toBe(true); // 除夕 2024 is a working day in the notice
    expect(cal.isWorkday('2024-02-03')).toBe(false); // an ordinary Saturday
    expect(cal.isHoliday('2024-02-03')).toBe(false); // weekends are not holidays
    expect(cal.holidayName('2024-02-12')).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(cal.holidayName('2024-02-19')).toBeUndefined();
  });

  it('2023 Mid-Autumn + National Day: 09-29..10-06 off, 10-07 and 10-08 working days', () => {
    // 国办发明电〔2022〕16号：中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
    for (const d of range('2023-09-29', '2023-10-06')) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2023-10-07')).toBe(true);
    expect(cal.isWorkday('2023-10-08')).toBe(true);
    expect(cal.isWorkday('2023-09-28')).toBe(true);
    expect(cal.isWorkday('2023-10-09')).toBe(true);
  });
});

describe('addWorkdays', () => {
  it('5 working days after 2024-02-08 (Thu) cross the Spring Festival', () => {
    // 02-09 Fri → 1; 02-10..02-17 off; 02-18 Sun (make-up) → 2; 02-19 Mon → 3; 02-20 → 4; 02-21 Wed → 5.
    expect(cal.addWorkdays('2024-02-08', 5)).toBe('2024-02-21');
  });

  it('10 working days after 2024-02-01 (Thu) use both make-up Sundays', () => {
    // 02-02 Fri → 1; 02-03 Sat off; 02-04 Sun (make-up) → 2; 02-05..02-09 Mon–Fri → 3..7;
    // 02-10..02-17 off; 02-18 Sun (make-up) → 8; 02-19 → 9; 02-20 Tue → 10.
    expect(cal.addWorkdays('2024-02-01', 10)).toBe('2024-02-20');
  });

  it('5 working days after 2023-09-27 (Wed) cross National Day 2023', () => {
    // 09-28 Thu → 1; 09-29..10-06 off; 10-07 Sat (make-up) → 2; 10-08 Sun (make-up) → 3;
    // 10-09 Mon → 4; 10-10 Tue → 5.
    expect(cal.addWorkdays('2023-09-27', 5)).toBe('2023-10-10');
  });

  it('10 working days after 2023-09-25 (Mon) cross National Day 2023', () => {
    // 09-26, 09-27, 09-28 → 1..3; 09-29..10-06 off; 10-07, 10-08 (make-up) → 4, 5;
    // 10-09..10-13 Mon–Fri → 6..10.
    expect(cal.addWorkdays('2023-09-25', 10)).toBe('2023-10-13');
  });

  it('does not count the start day; n = 0 returns the date itself', () => {
    expect(cal.addWorkdays('2024-02-10', 0)).toBe('2024-02-10');
    expect(cal.addWorkdays('2024-02-10', 1)).toBe('2024-02-18'); // start on a holiday
    expect(cal.addWorkdays('2024-03-04', 1)).toBe('2024-03-05');
    expect(cal.addWorkdays('2024-03-08', 1)).toBe('2024-03-11'); // Friday → Monday
  });

  it('rejects negative or fractional counts (XR025) and invalid dates (XR021)', () => {
    expectXR(() => cal.addWorkdays('2024-03-04', -1), 'XR025');
    expectXR(() => cal.addWorkdays('2024-03-04', 1.5), 'XR025');
    expectXR(() => cal.addWorkdays('2024-02-30', 1), 'XR021');
  });
});

describe('workdaysBetween', () => {
  it('counts working days in (a, b]', () => {
    // Feb 2024 after the 1st: weekdays 02-02..02-29 = 20; minus 02-12..02-16 (5 weekdays off) = 15;
    // plus make-up Sundays 02-04 and 02-18 = 17.
    expect(cal.workdaysBetween('2024-02-01', '2024-02-29')).toBe(17);
    expect(cal.workdaysBetween('2024-02-29', '2024-02-01')).toBe(-17);
    expect(cal.workdaysBetween('2024-02-01', '2024-02-01')).toBe(0);
    expect(cal.workdaysBetween('2024-02-09', '2024-02-18')).toBe(1);
    expect(cal.workdaysBetween('2024-02-09', '2024-02-17')).toBe(0);
  });

  it('agrees with addWorkdays', () => {
    for (const [d, n] of [['2024-02-01', 10], ['2023-09-25', 10], ['2024-12-20', 15]] as const) {
      expect(cal.workdaysBetween(d, cal.addWorkdays(d, n))).toBe(n);
    }
  });
});

describe('coverage is never guessed', () => {
  it('throws XR020 outside the covered years', () => {
    const e = expectXR(() => cal.isWorkday('2027-01-04'), 'XR020');
    expect(e.zh).toContain('2027-01-04');
    expect(e.en).toContain('2004–2026');
    expectXR(() => cal.isWorkday('2003-12-31'), 'XR020');
    expectXR(() => cal.isHoliday('2027-10-01'), 'XR020');
    expectXR(() => cal.addWorkdays('2026-12-30', 5), 'XR020'); // 12-31 counts, then 2027-01-01 is unknown
    expectXR(() => cal.workdaysBetween('2026-12-01', '2027-01-10'), 'XR020');
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('a policy 日历 block extends coverage to the years it lists', () => {
    const ext = new WorkCalendar({ holidays: ['2027-01-01'], workdays: ['2027-02-07'] });
    expect(ext.coverage()).toEqual({ from: 2004, to: 2027 });
    expect(ext.isWorkday('2027-01-01')).toBe(false);
    expect(ext.isWorkday('2027-02-07')).toBe(true); // a Sunday
    // 2026-12-31 Thu → 1; 2027-01-01 Fri off; 01-02, 01-03 weekend; 01-04 Mon → 2.
    expect(ext.addWorkdays('2026-12-30', 2)).toBe('2027-01-04');
    expectXR(() => ext.isWorkday('2028-01-03'), 'XR020');
    expect(new WorkCalendar({ years: [2027, 2028] }).coverage()).toEqual({ from: 2004, to: 2028 });
    expect(new WorkCalendar({ years: [2030] }).coverage()).toEqual({ from: 2004, to: 2026 });
    expect(new WorkCalendar({ years: [2030] }).covers(2030)).toBe(true);
  });

  it('the extension overrides the bundled data', () => {
    const ext = new WorkCalendar({ workdays: ['2024-02-12'], holidays: ['2024-02-18'] });
    expect(ext.isWorkday('2024-02-12')).toBe(true);
    expect(ext.isHoliday('2024-02-12')).toBe(false);
    expect(ext.isWorkday('2024-02-18')).toBe(false);
    expect(cal.isWorkday('2024-02-12')).toBe(false); // other calendars unaffected
  });

  it('rejects inconsistent or invalid extensions', () => {
    expectXR(() => new WorkCalendar({ holidays: ['2027-01-01'], workdays: ['2027-01-01'] }), 'XR024');
    const e = expectXR(() => new WorkCalendar({ holidays: ['2027-01-01', '2027-02-30'] }), 'XR021');
    expect(e.path).toBe('holidays[1]');
    expectXR(() => new WorkCalendar({ years: [2027.5] }), 'XR025');
  });
});

// Cross-check against the second bundled data set, `holiday-calendar` (data/CN/<year>.json,
// types public_holiday / transfer_workday). Both are compared by the working-day status of
// every day; the files of holiday-calendar are merged first because a year's file may hold
// dates of the neighbouring year (2019.json lists 2018-12-29..31).
describe('cross-check with holiday-calendar', () => {
  const req = createRequire(import.meta.url);
  const dir = join(dirname(req.resolve('holiday-calendar/package.json')), 'data', 'CN');
  const H = new Set<string>();
  const W = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (!/^\d{4}\.json$/.test(f)) continue;
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { dates: { date: string; type: string }[] };
    for (const x of j.dates) (x.type === 'transfer_workday' ? W : H).add(x.date);
  }
  const hcWorkday = (d: string) => W.has(d) || (!H.has(d) && dayOfWeek(d) <= 5);
  const disagreements = (from: string, to: string) =>
    range(from, to).filter((d) => cal.isWorkday(d) !== hcWorkday(d));

  // Each remaining difference was checked against the State Council notice; holiday-calendar is
  // wrong in every case:
  const HC_ERRORS_2012_2026 = [
    '2015-01-04', // 国办发明电〔2014〕28号：元旦 1月1日至3日放假调休，1月4日（星期日）上班 (missing in holiday-calendar)
    '2016-04-02', // 国办发明电〔2015〕18号：清明节 4月4日放假，与周末连休 — no make-up day (holiday-calendar: workday)
    '2018-06-16', // 国办发明电〔2017〕12号：端午节 6月18日放假，与周末连休 (holiday-calendar: workday)
    '2018-09-22', // same notice：中秋节 9月24日放假，与周末连休 (holiday-calendar: workday)
  ];

  it('agrees for 2012–2026 except for the known holiday-calendar errors', () => {
    expect(disagreements('2012-01-01', '2026-12-31')).toEqual(HC_ERRORS_2012_2026);
  });

  it('agrees for 2004–2011 except for known holiday-calendar errors (after the 2005-12-31 erratum)', () => {
    expect(disagreements('2004-01-01', '2011-12-31')).toEqual([
      '2004-01-02', // 2004 元旦 was one day off (Friday 01-02 worked)
      '2004-04-25', // 2004 五一 make-up days were 05-08/05-09, not 04-25
      '2004-05-09',
      '2004-09-26', // 2004 十一 make-up days were 10-09/10-10, not 09-26
      '2004-10-10',
      '2007-12-29', // 2008 元旦：12月29日（星期六）上班
      '2007-12-31', // 12月29日公休日调至12月31日（星期一）
      '2008-05-04', // 2008 五一：5月4日（星期日）上班
      '2008-06-07', // 2008 端午 6月7日至9日放假
      '2008-09-13', // 2008 中秋 9月13日至15日放假
      '2009-01-04', // 2009 元旦：1月4日（星期日）上班
      '2009-09-27', // 2009 国庆：9月27日（星期日）上班
      '2011-12-31', // 2012 元旦：2011年12月31日（星期六）上班
    ]);
    expect(cal.isWorkday('2005-12-31')).toBe(true); // 国办发明电〔2005〕35号, missing in chinese-days
  });
});
