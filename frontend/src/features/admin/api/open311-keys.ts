import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Open311Key } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listOpen311Keys(signal?: AbortSignal): Promise<Open311Key[]> {
  return http<Open311Key[]>('/api/admin/open311/keys', { signal });
}

export function useOpen311Keys() {
  return useQuery({ queryKey: adminKeys.open311Keys, queryFn: ({ signal }) => listOpen311Keys(signal) });
}

export function issueOpen311Key(name: string): Promise<Open311Key> {
  return http<Open311Key>('/api/admin/open311/keys', { method: 'POST', json: { name } });
}

export function useIssueOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueOpen311Key,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.open311Keys }),
  });
}

export function revokeOpen311Key(id: string): Promise<Open311Key> {
  return http<Open311Key>(`/api/admin/open311/keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}

export function useRevokeOpen311Key() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOpen311Key,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.open311Keys }),
  });
}
