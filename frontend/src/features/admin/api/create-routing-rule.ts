import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { RoutingRule, RoutingRuleRequest } from '@/lib/api-types';
import { http } from '@/lib/http';

export function createRoutingRule(request: RoutingRuleRequest): Promise<RoutingRule> {
  return http<RoutingRule>('/api/admin/routing/rules', { method: 'POST', json: request });
}

export function useCreateRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoutingRule,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.rules }),
  });
}
