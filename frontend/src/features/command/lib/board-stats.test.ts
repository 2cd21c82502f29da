import { describe, expect, it } from 'vitest';
import { hourlyTrend, leagueTable, overdueCases } from '@/features/command/lib/board-stats';
import { aCaseSummary } from '@/testing/case-summary';

const now = Date.parse('2026-03-02T03:30:00Z');

describe('overdueCases', () => {
  it('lists open cases past their deadline, longest overdue first, not suspended or closed ones', () => {
    const late = aCaseSummary({ state: 'Handling', light: 'Red', nextDeadline: '2026-03-02T02:00:00Z' });
    const later = aCaseSummary({ state: 'Dispatched', light: 'Yellow', nextDeadline: '2026-03-02T03:00:00Z' });
    const fine = aCaseSummary({ state: 'Handling', light: 'Green', nextDeadline: '2026-03-02T09:00:00Z' });
    const parked = aCaseSummary({ state: 'Suspended', light: 'Red', nextDeadline: '2026-03-01T00:00:00Z' });
    const closed = aCaseSummary({ state: 'Closed', light: 'Red', nextDeadline: '2026-03-01T00:00:00Z' });

    expect(overdueCases([fine, later, closed, late, parked], now)).toEqual([late, later]);
  });
});

describe('leagueTable', () => {
  it('counts open, overdue and closed cases per department and ranks by on-time rate', () => {
    const traffic = { departmentKey: 'xs-traffic', departmentNameZh: '交警', departmentNameEn: 'Traffic' };
    const street = { departmentKey: 'xs-street', departmentNameZh: '街道', departmentNameEn: 'Street' };
    const rows = leagueTable(
      [
        aCaseSummary({ ...traffic, state: 'Handling', light: 'Red', nextDeadline: '2026-03-02T01:00:00Z' }),
        aCaseSummary({ ...traffic, state: 'Handling', light: 'Green', nextDeadline: '2026-03-02T09:00:00Z' }),
        aCaseSummary({ ...traffic, state: 'Closed', light: null, nextDeadline: null }),
        aCaseSummary({ ...street, state: 'Dispatched', light: 'Green', nextDeadline: '2026-03-02T09:00:00Z' }),
        aCaseSummary({ departmentKey: null, state: 'Reported' }),
      ],
      now,
    );

    expect(rows.map((row) => [row.key, row.open, row.overdue, row.closed, row.onTimeRate, row.reworkRate])).toEqual([
      ['xs-street', 1, 0, 0, 1, null],
      ['xs-traffic', 2, 1, 1, 0.5, null],
    ]);
  });

  it('fills the rework rate when the rows carry rework counts', () => {
    const rows = leagueTable(
      [
        { ...aCaseSummary({ state: 'Closed' }), reworkCount: 1 },
        { ...aCaseSummary({ state: 'Closed' }), reworkCount: 0 },
      ] as never,
      now,
    );
    expect(rows[0]!.reworkRate).toBe(0.5);
  });
});

describe('hourlyTrend', () => {
  it('buckets reports and closings into the 24 hours up to now', () => {
    const points = hourlyTrend(
      [
        aCaseSummary({ reportedAt: '2026-03-02T03:10:00Z', state: 'Handling' }),
        aCaseSummary({ reportedAt: '2026-03-02T01:59:00Z', updatedAt: '2026-03-02T03:20:00Z', state: 'Closed' }),
        aCaseSummary({ reportedAt: '2026-02-28T01:00:00Z', state: 'Handling' }),
      ],
      now,
    );

    expect(points).toHaveLength(24);
    expect(points[23]).toEqual({ hour: Date.parse('2026-03-02T03:00:00Z'), reported: 1, closed: 1 });
    expect(points[21]).toEqual({ hour: Date.parse('2026-03-02T01:00:00Z'), reported: 1, closed: 0 });
    expect(points.reduce((sum, point) => sum + point.reported, 0)).toBe(2);
  });
});
