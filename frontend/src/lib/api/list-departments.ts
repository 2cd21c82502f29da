import { useQuery } from '@tanstack/react-query';
import type { Department } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export function listDepartments(signal?: AbortSignal): Promise<Department[]> {
  return http<Department[]>('/api/departments', { signal });
}

/** Only for users who watch any department (dispatcher, leader...); a handler has one. */
export function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: sharedKeys.departments,
    queryFn: ({ signal }) => listDepartments(signal),
    enabled,
    staleTime: 60 * 60 * 1000,
  });
}

/** The departments a choice may offer: those in service. Retired ones stay in the list only to name old cases. */
export function inService<T extends { retired?: boolean }>(departments: readonly T[] | undefined): T[] {
  return (departments ?? []).filter((department) => !department.retired);
}
