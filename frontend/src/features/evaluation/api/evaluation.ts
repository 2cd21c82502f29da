import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { EvaluationCasesPage, Indicator, LeagueTable, ObjectKind, Trend } from '@/lib/evaluation-types';
import { periodQuery, type PeriodSelection } from '@/features/evaluation/lib/evaluation-url';
import { http } from '@/lib/http';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  indicators: ['evaluation', 'indicators'] as const,
  league: (query: string) => ['evaluation', 'league', query] as const,
  trend: (query: string) => ['evaluation', 'trend', query] as const,
  cases: (query: string) => ['evaluation', 'cases', query] as const,
};

/** Definitions change only with a release. */
const DEFINITIONS_STALE_TIME = 60 * 60 * 1000;

export function useIndicators() {
  return useQuery({
    queryKey: evaluationKeys.indicators,
    queryFn: ({ signal }) => http<Indicator[]>('/api/evaluation/indicators', { signal }),
    staleTime: DEFINITIONS_STALE_TIME,
  });
}

export function leagueQuery(object: ObjectKind, period: PeriodSelection, parent: string | null): string {
  const search = new URLSearchParams({ object });
  periodQuery(period, search);
  if (parent) search.set('parent', parent);
  return search.toString();
}

export function getLeague(query: string, signal?: AbortSignal): Promise<LeagueTable> {
  return http<LeagueTable>(`/api/evaluation/league?${query}`, { signal });
}

export function useLeague(object: ObjectKind, period: PeriodSelection, parent: string | null, enabled = true) {
  const query = leagueQuery(object, period, parent);
  return useQuery({
    queryKey: evaluationKeys.league(query),
    queryFn: ({ signal }) => getLeague(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface TrendRequest {
  object: ObjectKind;
  key: string | null;
  period: 'month' | 'quarter';
  count: number;
  date?: string;
}

export function trendQuery({ object, key, period, count, date }: TrendRequest): string {
  const search = new URLSearchParams({ object, period, count: String(count) });
  if (key) search.set('key', key);
  if (date) search.set('date', date);
  return search.toString();
}

export function useTrend(request: TrendRequest) {
  const query = trendQuery(request);
  return useQuery({
    queryKey: evaluationKeys.trend(query),
    queryFn: ({ signal }) => http<Trend>(`/api/evaluation/trend?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CasesRequest {
  object: ObjectKind;
  key: string | null;
  indicator: string;
  period: PeriodSelection;
}

export function casesQuery({ object, key, indicator, period }: CasesRequest): string {
  const search = new URLSearchParams({ object });
  if (key) search.set('key', key);
  search.set('indicator', indicator);
  periodQuery(period, search);
  return search.toString();
}

/** The cases behind one number, page by page after the server's cursor; the first page carries the total. */
export function useEvaluationCases(request: CasesRequest | null) {
  const query = request ? casesQuery(request) : '';
  return useInfiniteQuery({
    queryKey: evaluationKeys.cases(query),
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams(query);
      if (pageParam) search.set('cursor', pageParam);
      return http<EvaluationCasesPage>(`/api/evaluation/cases?${search.toString()}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: request !== null,
  });
}
