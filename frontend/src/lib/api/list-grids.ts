import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { GridLevel, GridNode } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export function listGrids(level: GridLevel, signal?: AbortSignal): Promise<GridNode[]> {
  return http<GridNode[]>(`/api/grids?level=${level}`, { signal });
}

/** Boundaries change rarely. */
const GRID_STALE_TIME = 60 * 60 * 1000;

/** Grid nodes of one level in force today. */
export function useGrids(level: GridLevel) {
  return useQuery({
    queryKey: sharedKeys.gridList(level),
    queryFn: ({ signal }) => listGrids(level, signal),
    staleTime: GRID_STALE_TIME,
  });
}

// Module level, so that the combined result keeps its identity while the answers do not change.
function combine(results: UseQueryResult<GridNode[]>[]) {
  return {
    nodes: results.flatMap((result) => result.data ?? []),
    isLoading: results.some((result) => result.isLoading),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

/** Grid nodes of several levels in force today, in the order of `levels`. */
export function useGridLevels(levels: readonly GridLevel[], enabled = true) {
  return useQueries({
    queries: levels.map((level) => ({
      queryKey: sharedKeys.gridList(level),
      queryFn: ({ signal }: { signal: AbortSignal }) => listGrids(level, signal),
      staleTime: GRID_STALE_TIME,
      enabled,
    })),
    combine,
  });
}
