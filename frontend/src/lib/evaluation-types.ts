/**
 * Shapes of the evaluation API (docs/api.md, 综合评价), shared by the evaluation page and the wall's league
 * table. Written by hand from the contract while the host's OpenAPI document does not describe them; narrowed
 * where the document writes plain strings.
 */

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

export interface Indicator {
  code: string;
  kind: IndicatorKind;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  numerator?: string | null;
  denominator?: string | null;
  /** Which step's time places a case in the period, e.g. "closed". */
  placedBy: string;
  objectKinds: ObjectKind[];
}

export interface Period {
  kind: PeriodKind;
  from: string;
  /** The last day, inclusive. */
  to: string;
  labelZh: string;
  labelEn: string;
}

export interface Figures {
  counts: Record<string, number>;
  rates: Record<string, number | null>;
}

export interface LeagueRow extends Figures {
  key: string;
  nameZh: string;
  nameEn: string;
  score: number | null;
  grade: Grade | null;
  gradeZh: string | null;
  gradeEn: string | null;
  rank: number;
  previousRank: number | null;
  /** Positive: moved up since the previous period. */
  rankChange: number | null;
  /** district → street → community → unit. */
  hasChildren: boolean;
}

export interface LeagueTable {
  object: ObjectKind;
  parent: string | null;
  period: Period;
  previous: Period | null;
  /** The codes the table shows for this object kind, in order. */
  indicators: string[];
  rows: LeagueRow[];
  total: Figures;
}

export interface TrendPoint extends Figures {
  period: Period;
  score: number | null;
}

export interface Trend {
  object: ObjectKind;
  key: string | null;
  nameZh: string;
  nameEn: string;
  /** Oldest first. */
  points: TrendPoint[];
}

export interface EvaluationCase {
  caseId: string;
  number: string;
  description: string;
  state: string;
  /** The time of the step that placed the case in the count. */
  at: string;
  onTime: boolean | null;
}

export interface EvaluationCasesPage {
  total: number;
  items: EvaluationCase[];
  nextCursor: string | null;
}

/** A rate (0..1) as a percentage with one decimal; null (no denominator) as a dash. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
