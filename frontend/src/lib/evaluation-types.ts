/**
 * Shapes of the evaluation API (docs/api.md, 综合评价), shared by the evaluation page and the wall's league
 * table: aliases of the generated schemas, narrowed where the document writes plain strings (kinds, grades).
 */
import type { Received } from '@/lib/api-types';
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type ObjectKind =
  | 'department'
  | 'district'
  | 'street'
  | 'community'
  | 'unit'
  | 'category'
  | 'patroller'
  | 'acceptor'
  | 'dispatcher'
  | 'shift-leader';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';

export type IndicatorKind = 'count' | 'rate' | 'score';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

/** GET /api/evaluation/indicators: what a figure counts or divides, and which step's time places a case in the period. */
export type Indicator = Omit<Received<Schemas['IndicatorDto']>, 'kind' | 'objectKinds'> & {
  kind: IndicatorKind;
  objectKinds: ObjectKind[];
};

/** China-time calendar days; `to` is the last day, inclusive. */
export type Period = Omit<Received<Schemas['PeriodDto']>, 'kind'> & { kind: PeriodKind };

export type Figures = Received<Schemas['FigureSet']>;

/** One object of a league table; a positive `rankChange` moved up; `hasChildren`: district → street → community → unit. */
export type LeagueRow = Omit<Received<Schemas['LeagueRow']>, 'grade'> & { grade: Grade | null };

/** GET /api/evaluation/league. */
export type LeagueTable = Omit<Received<Schemas['LeagueTable']>, 'object' | 'period' | 'previous' | 'rows'> & {
  object: ObjectKind;
  period: Period;
  previous: Period | null;
  rows: LeagueRow[];
};

export type TrendPoint = Omit<Received<Schemas['TrendPoint']>, 'period'> & { period: Period };

/** GET /api/evaluation/trend: points oldest first. */
export type Trend = Omit<Received<Schemas['Trend']>, 'object' | 'points'> & { object: ObjectKind; points: TrendPoint[] };

/** One case behind a count; `at` is the time of the step that placed it in the count. */
export type EvaluationCase = Received<Schemas['CaseBehind']>;

/** GET /api/evaluation/cases. */
export type EvaluationCasesPage = Received<Schemas['CasesBehind']>;

/** A rate (0..1) as a percentage with one decimal; null (no denominator) as a dash. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
