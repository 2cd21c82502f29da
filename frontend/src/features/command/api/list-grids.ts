import { useQuery } from '@tanstack/react-query';
import type { GridLevel, GridNode } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listGrids(level: GridLevel, signal?: AbortSignal): Promise<GridNode[]> {
  return http<GridNode[]>(`/api/grids?level=${level}`, { signal });
}

/** Grid nodes of one level in force today; boundaries change rarely. */
export function useGrids(level: GridLevel) {
  return useQuery({
    queryKey: ['grids', 'list', level],
    queryFn: ({ signal }) => listGrids(level, signal),
    staleTime: 60 * 60 * 1000,
  });
}
