// The working-day calendar as a table for the SQL backend: one row per day of the covered years
// with its cumulative working-day ordinal (the number of working days on or before it). A
// bundle ships it as data and the query joins it, so 加工作日 and 工作日数 become lookups:
// - 工作日数(a, b) = ordinal(b) − ordinal(a);
// - 加工作日(d, n), n > 0 = the first day whose ordinal is ordinal(d) + n (ordinals rise only
//   on working days, so that day is the n-th working day after d; n = 0 gives d).
// A day outside the table has no row: the lookup is NULL, as the JS engine's XR020 makes the
// value unavailable — never a weekend-only guess. The rows come from runtime/calendar.ts (the
// same State Council data and the policy's 日历 block), so the two engines cannot drift.
import { WorkCalendar, type CalendarExtension } from '../../runtime/calendar.ts';
import { fromDayNumber, toDayNumber } from '../../runtime/dates.ts';

export interface CalendarRow { date: string; workday: boolean; ordinal: number }

/** Every day of the calendar's contiguous coverage, in order, with its cumulative ordinal. */
export function calendarRows(ext: CalendarExtension = {}): CalendarRow[] {
  const cal = new WorkCalendar(ext);
  const { from, to } = cal.coverage();
  const rows: CalendarRow[] = [];
  let ordinal = 0;
  for (let day = toDayNumber(`${String(from).padStart(4, '0')}-01-01`), end = toDayNumber(`${String(to).padStart(4, '0')}-12-31`); day <= end; day++) {
    const date = fromDayNumber(day);
    const workday = cal.isWorkday(date);
    if (workday) ordinal++;
    rows.push({ date, workday, ordinal });
  }
  return rows;
}

/** The table's rows as CSV (date,workday,ordinal) for a job bundle's parameter data. */
export function calendarCsv(rows: CalendarRow[]): string {
  return 'date,workday,ordinal\n' + rows.map((r) => `${r.date},${r.workday},${r.ordinal}`).join('\n') + '\n';
}

/** 加工作日 by the table, as the SQL lookup computes it (the reference the tests hold to the runtime). */
export function addWorkdaysByTable(rows: CalendarRow[], index: Map<string, number>, d: string, n: number): string | null {
  const i = index.get(d);
  if (i === undefined || n < 0) return null;
  if (n === 0) return d;
  const want = rows[i]!.ordinal + n;
  for (let j = i + 1; j < rows.length; j++) if (rows[j]!.ordinal === want) return rows[j]!.date;
  return null;
}
