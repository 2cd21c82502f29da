import { useQuery } from '@tanstack/react-query';
import type { DepartmentBoard } from '@/lib/api-types';
import { http } from '@/lib/http';
import { boardKeys } from '@/lib/realtime';

export function getDepartmentBoard(departmentKey: string, signal?: AbortSignal): Promise<DepartmentBoard> {
  return http<DepartmentBoard>(`/api/boards/department/${encodeURIComponent(departmentKey)}`, { signal });
}

/** The snapshot; live pushes are written into this cache entry by lib/realtime. */
export function useDepartmentBoard(departmentKey: string | undefined) {
  return useQuery({
    queryKey: boardKeys.department(departmentKey ?? ''),
    queryFn: ({ signal }) => getDepartmentBoard(departmentKey!, signal),
    enabled: !!departmentKey,
    staleTime: Infinity,
  });
}
