/**
 * Figures the wall screen derives from the board rows it holds (the latest cases of the area, kept
 * live by pushes): the overdue list, the live columns of the department league table and the 24-hour trend.
 */
import type { CaseSummary } from '@/lib/api-types';
import { TERMINAL_STATES } from '@/lib/case-summaries';
import { effectiveLight } from '@/lib/deadline';
import type { LeagueTable } from '@/lib/evaluation-types';

export function isOpen(item: CaseSummary): boolean {
  return !TERMINAL_STATES.has(item.state);
}

/** Open cases past their step's deadline, the longest overdue first. */
export function overdueCases(cases: readonly CaseSummary[], now: number): CaseSummary[] {
  return cases
    .filter((item) => isOpen(item) && item.state !== 'Suspended' && effectiveLight(item.light, item.nextDeadline, now) === 'Red')
    .sort((a, b) => Date.parse(a.nextDeadline ?? a.updatedAt) - Date.parse(b.nextDeadline ?? b.updatedAt));
}

export interface LiveDepartmentCounts {
  key: string;
  nameZh: string;
  nameEn: string;
  /** Open cases the department holds among the board rows. */
  open: number;
  /** Of those, past their step's deadline. */
  overdue: number;
}

/** Open and overdue cases per department among the board rows (kept live by pushes). */
export function liveDepartmentCounts(cases: readonly CaseSummary[], now: number): Map<string, LiveDepartmentCounts> {
  const rows = new Map<string, LiveDepartmentCounts>();
  for (const item of cases) {
    if (!item.departmentKey || !isOpen(item)) continue;
    let row = rows.get(item.departmentKey);
    if (!row) {
      row = {
        key: item.departmentKey,
        nameZh: item.departmentNameZh ?? item.departmentKey,
        nameEn: item.departmentNameEn ?? item.departmentKey,
        open: 0,
        overdue: 0,
      };
      rows.set(item.departmentKey, row);
    }
    row.open += 1;
    if (effectiveLight(item.light, item.nextDeadline, now) === 'Red') row.overdue += 1;
  }
  return rows;
}

export interface DepartmentStanding {
  key: string;
  nameZh: string;
  nameEn: string;
  /** The server's rank this month (null: the department has no figures this month). */
  rank: number | null;
  rankChange: number | null;
  score: number | null;
  open: number;
  overdue: number;
  /** 按期处置率 this month, from the server. */
  onTimeRate: number | null;
  /** 返工率 this month, from the server. */
  reworkRate: number | null;
}

/**
 * The wall's league table: the server's department league of the current month (rank, score, on-time
 * and rework rates), with the live open and overdue counts of the board rows beside it. Departments
 * that hold open cases but have no figures this month follow, most open first.
 */
export function leagueTable(league: Pick<LeagueTable, 'rows'> | undefined, live: ReadonlyMap<string, LiveDepartmentCounts>): DepartmentStanding[] {
  const ranked: DepartmentStanding[] = (league?.rows ?? []).map((row) => ({
    key: row.key,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    rank: row.rank,
    rankChange: row.rankChange,
    score: row.score,
    open: live.get(row.key)?.open ?? 0,
    overdue: live.get(row.key)?.overdue ?? 0,
    onTimeRate: row.rates.onTimeHandleRate ?? null,
    reworkRate: row.rates.reworkRate ?? null,
  }));
  ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.key.localeCompare(b.key));
  const known = new Set(ranked.map((row) => row.key));
  const unranked = [...live.values()]
    .filter((row) => !known.has(row.key))
    .sort((a, b) => b.open - a.open || a.key.localeCompare(b.key))
    .map((row) => ({ ...row, rank: null, rankChange: null, score: null, onTimeRate: null, reworkRate: null }));
  return [...ranked, ...unranked];
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
