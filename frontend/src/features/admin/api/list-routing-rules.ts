import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { RoutingRule } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface RoutingRuleFilter {
  categoryId?: string;
  includeRetired: boolean;
}

export function listRoutingRules({ categoryId, includeRetired }: RoutingRuleFilter, signal?: AbortSignal): Promise<RoutingRule[]> {
  const query = new URLSearchParams();
  if (categoryId) query.set('categoryId', categoryId);
  if (includeRetired) query.set('includeRetired', 'true');
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return http<RoutingRule[]>(`/api/routing/rules${suffix}`, { signal });
}

/** The previous list stays on screen while another filter loads, so the table does not flash empty. */
export function useRoutingRules(filter: RoutingRuleFilter) {
  return useQuery({
    queryKey: adminKeys.rulesList(filter.categoryId, filter.includeRetired),
    queryFn: ({ signal }) => listRoutingRules(filter, signal),
    placeholderData: keepPreviousData,
  });
}
