import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { GridLevel, GridNode } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listGridNodes(level: GridLevel, signal?: AbortSignal): Promise<GridNode[]> {
  return http<GridNode[]>(`/api/grids?level=${level}`, { signal });
}

// Module level, so that the combined result keeps its identity while the answers do not change.
function combine(results: UseQueryResult<GridNode[]>[]) {
  return {
    nodes: results.flatMap((result) => result.data ?? []),
    isLoading: results.some((result) => result.isLoading),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

/**
 * Grid nodes of several levels in force today, in the order of `levels`, under the keys the command
 * centre caches them with; boundaries change rarely.
 */
export function useGridNodes(levels: readonly GridLevel[], enabled = true) {
  return useQueries({
    queries: levels.map((level) => ({
      queryKey: ['grids', 'list', level],
      queryFn: ({ signal }: { signal: AbortSignal }) => listGridNodes(level, signal),
      staleTime: 60 * 60 * 1000,
      enabled,
    })),
    combine,
  });
}
