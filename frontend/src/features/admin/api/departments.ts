import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { AdminDepartment, DepartmentKindInfo, DepartmentRequest } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

const BASE = '/api/admin/departments';

export function listAdminDepartments(signal?: AbortSignal): Promise<AdminDepartment[]> {
  return http<AdminDepartment[]>(BASE, { signal });
}

export function listDepartmentKinds(signal?: AbortSignal): Promise<DepartmentKindInfo[]> {
  return http<DepartmentKindInfo[]>(`${BASE}/kinds`, { signal });
}

/** Every department, retired ones too, with its open cases. */
export function useAdminDepartments() {
  return useQuery({ queryKey: adminKeys.departments, queryFn: ({ signal }) => listAdminDepartments(signal) });
}

export function useDepartmentKinds() {
  return useQuery({ queryKey: adminKeys.departmentKinds, queryFn: ({ signal }) => listDepartmentKinds(signal), staleTime: Infinity });
}

export function saveDepartment(input: { key?: string; request: DepartmentRequest }): Promise<AdminDepartment> {
  return input.key
    ? http<AdminDepartment>(`${BASE}/${encodeURIComponent(input.key)}`, { method: 'PUT', json: input.request })
    : http<AdminDepartment>(BASE, { method: 'POST', json: input.request });
}

export function retireDepartment(input: { key: string; version: number }): Promise<AdminDepartment> {
  return http<AdminDepartment>(`${BASE}/${encodeURIComponent(input.key)}/retire`, { method: 'POST', json: { version: input.version } });
}

export function restoreDepartment(input: { key: string; version: number }): Promise<AdminDepartment> {
  return http<AdminDepartment>(`${BASE}/${encodeURIComponent(input.key)}/restore`, { method: 'POST', json: { version: input.version } });
}

/** Any answer, success or refusal, may mean the list on screen is stale: reload it and the shared list forms use. */
function useDepartmentMutation<T>(fn: (input: T) => Promise<AdminDepartment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.departments });
      void queryClient.invalidateQueries({ queryKey: sharedKeys.departments });
    },
  });
}

export const useSaveDepartment = () => useDepartmentMutation(saveDepartment);
export const useRetireDepartment = () => useDepartmentMutation(retireDepartment);
export const useRestoreDepartment = () => useDepartmentMutation(restoreDepartment);
