import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import { http } from '@/lib/http';

export function retireRoutingRule(id: string): Promise<void> {
  return http<void>(`/api/admin/routing/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A 409 (retired meanwhile) still means the list on screen is stale: reload it either way. */
export function useRetireRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireRoutingRule,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.rules }),
  });
}
