import { describe, expect, it } from 'vitest';
import { hourlyTrend, leagueTable, liveDepartmentCounts, overdueCases } from '@/features/command/lib/board-stats';
import type { LeagueRow } from '@/lib/evaluation-types';
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

function serverRow(key: string, rank: number, rankChange: number | null, rates: Record<string, number | null>, score: number | null): LeagueRow {
  return {
    key,
    nameZh: `${key} 中`,
    nameEn: `${key} en`,
    counts: {},
    rates,
    score,
    grade: null,
    gradeZh: null,
    gradeEn: null,
    rank,
    previousRank: rankChange === null ? null : rank + rankChange,
    rankChange,
    hasChildren: false,
  };
}

describe('liveDepartmentCounts', () => {
  it('counts open and overdue cases per department, not closed ones nor cases without a department', () => {
    const traffic = { departmentKey: 'xs-traffic', departmentNameZh: '交警', departmentNameEn: 'Traffic' };
    const street = { departmentKey: 'xs-street', departmentNameZh: '街道', departmentNameEn: 'Street' };
    const live = liveDepartmentCounts(
      [
        aCaseSummary({ ...traffic, state: 'Handling', light: 'Red', nextDeadline: '2026-03-02T01:00:00Z' }),
        aCaseSummary({ ...traffic, state: 'Handling', light: 'Green', nextDeadline: '2026-03-02T09:00:00Z' }),
        aCaseSummary({ ...traffic, state: 'Closed', light: null, nextDeadline: null }),
        aCaseSummary({ ...street, state: 'Dispatched', light: 'Green', nextDeadline: '2026-03-02T09:00:00Z' }),
        aCaseSummary({ departmentKey: null, state: 'Reported' }),
      ],
      now,
    );

    expect([...live.values()].map((row) => [row.key, row.open, row.overdue])).toEqual([
      ['xs-traffic', 2, 1],
      ['xs-street', 1, 0],
    ]);
  });
});

describe('leagueTable', () => {
  const live = new Map([
    ['xs-traffic', { key: 'xs-traffic', nameZh: '交警', nameEn: 'Traffic', open: 2, overdue: 1 }],
    ['xs-water', { key: 'xs-water', nameZh: '水务', nameEn: 'Water', open: 3, overdue: 0 }],
  ]);

  it("orders by the server's rank and takes its on-time handling and rework rates, with the live counts beside them", () => {
    const rows = leagueTable(
      {
        rows: [
          serverRow('xs-traffic', 2, -1, { onTimeHandleRate: 0.75, reworkRate: 0.125 }, 81.5),
          serverRow('xs-street', 1, 1, { onTimeHandleRate: 0.9, reworkRate: null }, 92),
        ],
      },
      live,
    );

    expect(rows.map((row) => [row.key, row.rank, row.rankChange, row.open, row.overdue, row.onTimeRate, row.reworkRate, row.score])).toEqual([
      ['xs-street', 1, 1, 0, 0, 0.9, null, 92],
      ['xs-traffic', 2, -1, 2, 1, 0.75, 0.125, 81.5],
      ['xs-water', null, null, 3, 0, null, null, null],
    ]);
  });

  it('shows the live counts alone while the server league is missing', () => {
    const rows = leagueTable(undefined, live);
    expect(rows.map((row) => [row.key, row.rank, row.open, row.reworkRate])).toEqual([
      ['xs-water', null, 3, null],
      ['xs-traffic', null, 2, null],
    ]);
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
