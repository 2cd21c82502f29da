import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { RoutingDryRun } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface DryRunParams {
  categoryId: string;
  conditionId?: string;
  longitude: number;
  latitude: number;
}

export function dryRunRouting({ categoryId, conditionId, longitude, latitude }: DryRunParams, signal?: AbortSignal): Promise<RoutingDryRun> {
  const query = new URLSearchParams({ categoryId, lon: String(longitude), lat: String(latitude) });
  if (conditionId) query.set('conditionId', conditionId);
  return http<RoutingDryRun>(`/api/routing/dry-run?${query.toString()}`, { signal });
}

/**
 * 派遣预演: runs when asked. Rules change between two runs of the same question, so each run (`attempt`)
 * is a query of its own and no answer is kept for later.
 */
export function useRoutingDryRun(params: DryRunParams | null, attempt: number) {
  return useQuery({
    queryKey: adminKeys.dryRun({ ...params, attempt }),
    queryFn: ({ signal }) => dryRunRouting(params!, signal),
    enabled: params !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
