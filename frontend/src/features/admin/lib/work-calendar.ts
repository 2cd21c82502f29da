import type { HolidayYear } from '@/lib/api-types';

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'weekday';

export interface CalendarDay {
  /** yyyy-MM-dd */
  date: string;
  day: number;
  kind: DayKind;
  /** The holiday's name on days off. */
  holiday?: string;
}

/** yyyy-MM-dd of a calendar date, without time zones getting in the way. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday: weeks in China start on Monday. */
function weekdayMondayFirst(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export interface Marks {
  holidays: readonly { name: string; from: string; to: string }[];
  extraWorkdays: readonly string[];
}

export function dayKind(date: string, weekday: number, marks: Marks): Pick<CalendarDay, 'kind' | 'holiday'> {
  const holiday = marks.holidays.find((h) => h.from <= date && date <= h.to);
  if (holiday) return { kind: 'holiday', holiday: holiday.name };
  if (marks.extraWorkdays.includes(date)) return { kind: 'workday' };
  return { kind: weekday >= 5 ? 'weekend' : 'weekday' };
}

/** One month as weeks of seven cells (Monday first); null pads the first and last week. */
export function monthWeeks(year: number, month: number, marks: Marks): (CalendarDay | null)[][] {
  const cells: (CalendarDay | null)[] = Array.from({ length: weekdayMondayFirst(year, month, 1) }, () => null);
  for (let day = 1; day <= daysIn(year, month); day += 1) {
    const date = isoDate(year, month, day);
    cells.push({ date, day, ...dayKind(date, weekdayMondayFirst(year, month, day), marks) });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Days off and make-up days of a year, counted for the summary line. */
export function yearCounts(year: number, marks: Marks): { holidays: number; workdays: number } {
  let holidays = 0;
  for (const h of marks.holidays) {
    for (let d = new Date(`${h.from}T00:00:00Z`); d <= new Date(`${h.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      if (d.getUTCFullYear() === year) holidays += 1;
    }
  }
  return { holidays, workdays: marks.extraWorkdays.filter((d) => d.startsWith(`${year}-`)).length };
}

/** The body of PUT /api/calendar/years/{year}: rows left empty in the form are dropped. */
export function yearBody(
  values: { holidays?: { name?: string; from?: string; to?: string }[]; extraWorkdays?: (string | undefined)[] },
  version: number | null | undefined,
) {
  return {
    timeZone: 'Asia/Shanghai',
    holidays: (values.holidays ?? [])
      .filter((h) => h.name || h.from || h.to)
      .map((h) => ({ name: h.name?.trim() ?? '', from: h.from ?? '', to: h.to || h.from || '' })),
    extraWorkdays: (values.extraWorkdays ?? []).filter((d): d is string => !!d),
    ...(version != null ? { version } : {}),
  };
}

/** The year shown first: next year while it is missing (the warning's point), else this year. */
export function initialYear(years: readonly Pick<HolidayYear, 'year'>[], today: Date): number {
  const thisYear = today.getFullYear();
  if (today.getMonth() >= 10 && !years.some((y) => y.year === thisYear + 1)) return thisYear + 1;
  return thisYear;
}
