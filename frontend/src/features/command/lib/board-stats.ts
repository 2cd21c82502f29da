/**
 * Figures the wall screen derives from the board rows it holds (the latest cases of the area, kept
 * live by pushes): the overdue list, the department league table and the 24-hour trend.
 */
import type { CaseSummary } from '@/lib/api-types';
import { TERMINAL_STATES } from '@/lib/case-summaries';
import { effectiveLight } from '@/lib/deadline';

export function isOpen(item: CaseSummary): boolean {
  return !TERMINAL_STATES.has(item.state);
}

/** Open cases past their step's deadline, the longest overdue first. */
export function overdueCases(cases: readonly CaseSummary[], now: number): CaseSummary[] {
  return cases
    .filter((item) => isOpen(item) && item.state !== 'Suspended' && effectiveLight(item.light, item.nextDeadline, now) === 'Red')
    .sort((a, b) => Date.parse(a.nextDeadline ?? a.updatedAt) - Date.parse(b.nextDeadline ?? b.updatedAt));
}

export interface DepartmentStanding {
  key: string;
  nameZh: string;
  nameEn: string;
  open: number;
  overdue: number;
  closed: number;
  /** Share of the department's timed open cases that are within their limit (null: none timed). */
  onTimeRate: number | null;
  /** Share of its cases sent back by a failed check (null: the rows do not say). */
  reworkRate: number | null;
}

/**
 * One row per department that holds or closed a case in view, best on-time rate first. The rows
 * carry no rework count, so the rework rate is filled only when the server sends `reworkCount`.
 */
export function leagueTable(cases: readonly CaseSummary[], now: number): DepartmentStanding[] {
  const rows = new Map<string, DepartmentStanding & { timed: number; reworked: number; withRework: number }>();
  for (const item of cases) {
    if (!item.departmentKey) continue;
    let row = rows.get(item.departmentKey);
    if (!row) {
      row = {
        key: item.departmentKey,
        nameZh: item.departmentNameZh ?? item.departmentKey,
        nameEn: item.departmentNameEn ?? item.departmentKey,
        open: 0,
        overdue: 0,
        closed: 0,
        onTimeRate: null,
        reworkRate: null,
        timed: 0,
        reworked: 0,
        withRework: 0,
      };
      rows.set(item.departmentKey, row);
    }
    const rework = (item as CaseSummary & { reworkCount?: number }).reworkCount;
    if (typeof rework === 'number') {
      row.withRework += 1;
      if (rework > 0) row.reworked += 1;
    }
    if (!isOpen(item)) {
      row.closed += 1;
      continue;
    }
    row.open += 1;
    const light = effectiveLight(item.light, item.nextDeadline, now);
    if (light) row.timed += 1;
    if (light === 'Red') row.overdue += 1;
  }
  return [...rows.values()]
    .map(({ timed, reworked, withRework, ...row }) => ({
      ...row,
      onTimeRate: timed > 0 ? (timed - row.overdue) / timed : null,
      reworkRate: withRework > 0 ? reworked / withRework : null,
    }))
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.open - a.open || a.key.localeCompare(b.key));
}

export interface TrendPoint {
  /** Start of the hour, epoch ms. */
  hour: number;
  reported: number;
  closed: number;
}

const HOUR = 3600 * 1000;

/** Reports and closings per hour over the 24 hours up to `now` (the current hour last). */
export function hourlyTrend(cases: readonly CaseSummary[], now: number): TrendPoint[] {
  const last = Math.floor(now / HOUR) * HOUR;
  const first = last - 23 * HOUR;
  const points: TrendPoint[] = Array.from({ length: 24 }, (_, index) => ({ hour: first + index * HOUR, reported: 0, closed: 0 }));
  const bucket = (time: number) => {
    if (Number.isNaN(time) || time < first || time >= last + HOUR) return null;
    return points[Math.floor((time - first) / HOUR)] ?? null;
  };
  for (const item of cases) {
    const reported = bucket(Date.parse(item.reportedAt));
    if (reported) reported.reported += 1;
    if (item.state === 'Closed' || item.state === 'Archived') {
      const closed = bucket(Date.parse(item.updatedAt));
      if (closed) closed.closed += 1;
    }
  }
  return points;
}
