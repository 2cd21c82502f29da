import { describe, expect, it } from 'vitest';
import { dayKind, initialYear, monthWeeks, yearBody, yearCounts } from '@/features/admin/lib/work-calendar';

const marks2026 = {
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
  ],
  extraWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28'],
};

describe('work calendar', () => {
  it('lays a month out Monday first, padded to whole weeks', () => {
    // 1 January 2026 is a Thursday.
    const weeks = monthWeeks(2026, 1, marks2026);

    expect(weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]![3]).toMatchObject({ date: '2026-01-01', kind: 'holiday', holiday: '元旦' });
    expect(weeks[0]![6]).toMatchObject({ date: '2026-01-04', kind: 'workday' });
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('marks holidays before make-up days before weekends', () => {
    expect(dayKind('2026-02-15', 6, marks2026)).toEqual({ kind: 'holiday', holiday: '春节' });
    expect(dayKind('2026-02-28', 5, marks2026)).toEqual({ kind: 'workday' });
    expect(dayKind('2026-03-07', 5, marks2026)).toEqual({ kind: 'weekend' });
    expect(dayKind('2026-03-09', 0, marks2026)).toEqual({ kind: 'weekday' });
  });

  it('counts days off and make-up days of the year only', () => {
    const counts = yearCounts(2027, { holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }], extraWorkdays: ['2026-12-27'] });

    expect(counts).toEqual({ holidays: 2, workdays: 0 });
    expect(yearCounts(2026, marks2026)).toEqual({ holidays: 12, workdays: 3 });
  });

  it('builds the stored form of a year, dropping empty rows and sending the version only for a stored year', () => {
    const body = yearBody(
      { holidays: [{ name: ' 元旦 ', from: '2027-01-01' }, {}], extraWorkdays: ['2027-01-04', undefined] },
      12,
    );

    expect(body).toEqual({
      timeZone: 'Asia/Shanghai',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
      extraWorkdays: ['2027-01-04'],
      version: 12,
    });
    expect(yearBody({ holidays: [], extraWorkdays: [] }, null)).not.toHaveProperty('version');
  });

  it('opens on next year while it is missing from November on', () => {
    expect(initialYear([{ year: 2026 }], new Date(2026, 11, 6))).toBe(2027);
    expect(initialYear([{ year: 2026 }, { year: 2027 }], new Date(2026, 11, 6))).toBe(2026);
    expect(initialYear([{ year: 2026 }], new Date(2026, 9, 31))).toBe(2026);
  });
});
