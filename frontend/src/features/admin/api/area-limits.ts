import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { AreaLimit, TimeLimitUnit } from '@/lib/api-types';
import { http } from '@/lib/http';

const path = (categoryId: string, conditionId: string) =>
  `/api/categories/${encodeURIComponent(categoryId)}/conditions/${encodeURIComponent(conditionId)}/limits`;

/** The handling limits an area class (A 核心区 / B 一般区 / C) has of its own for one condition. */
export function useAreaLimits(categoryId: string, conditionId: string | undefined) {
  return useQuery({
    queryKey: adminKeys.areaLimits(conditionId ?? ''),
    queryFn: ({ signal }) => http<AreaLimit[]>(path(categoryId, conditionId!), { signal }),
    enabled: conditionId !== undefined,
  });
}

export interface AreaLimitChange {
  categoryId: string;
  conditionId: string;
  areaClass: string;
  /** Absent: remove the area class's own limit (the condition's limit holds again). */
  limit?: { limit: number; unit: TimeLimitUnit };
}

export function setAreaLimit({ categoryId, conditionId, areaClass, limit }: AreaLimitChange): Promise<unknown> {
  const url = `${path(categoryId, conditionId)}/${encodeURIComponent(areaClass)}`;
  return limit ? http<AreaLimit>(url, { method: 'PUT', json: limit }) : http<void>(url, { method: 'DELETE' });
}

export function useSetAreaLimit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAreaLimit,
    onSettled: (_data, _error, change) => queryClient.invalidateQueries({ queryKey: adminKeys.areaLimits(change.conditionId) }),
  });
}
