import { useQuery } from '@tanstack/react-query';
import type { DepartmentHandler } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

/** The handlers a case held by the department can be given to (内部派遣): its own and its sub-units'. */
export function listDepartmentHandlers(key: string, signal?: AbortSignal): Promise<DepartmentHandler[]> {
  return http<DepartmentHandler[]>(`/api/departments/${encodeURIComponent(key)}/handlers`, { signal });
}

export function useDepartmentHandlers(key: string | undefined) {
  return useQuery({
    queryKey: sharedKeys.departmentHandlers(key ?? ''),
    queryFn: ({ signal }) => listDepartmentHandlers(key!, signal),
    enabled: !!key,
    staleTime: 5 * 60 * 1000,
  });
}
