import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { ComponentPage } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface ComponentFilters {
  q?: string;
  category?: string;
  grid?: string;
  condition?: string;
  includeRetired?: boolean;
  page: number;
  pageSize: number;
}

export function componentQuery(filters: ComponentFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  return params.toString();
}

/** One page of the census (部件普查), in id order. */
export function listComponents(filters: ComponentFilters, signal?: AbortSignal): Promise<ComponentPage> {
  return http<ComponentPage>(`/api/admin/components?${componentQuery(filters)}`, { signal });
}

export function useComponents(filters: ComponentFilters) {
  return useQuery({
    queryKey: adminKeys.componentList(filters),
    queryFn: ({ signal }) => listComponents(filters, signal),
    placeholderData: keepPreviousData,
  });
}
