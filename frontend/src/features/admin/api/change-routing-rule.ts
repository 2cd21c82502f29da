import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { RoutingRule, RoutingRuleRequest } from '@/lib/api-types';
import { http } from '@/lib/http';

/** The answer is the successor rule; the changed one ends where the successor begins. */
export function changeRoutingRule({ id, request }: { id: string; request: RoutingRuleRequest }): Promise<RoutingRule> {
  return http<RoutingRule>(`/api/admin/routing/rules/${encodeURIComponent(id)}`, { method: 'PUT', json: request });
}

export function useChangeRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRoutingRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.rules }),
  });
}
