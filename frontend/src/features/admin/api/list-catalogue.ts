import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Category } from '@/lib/api-types';
import { http } from '@/lib/http';

/** The whole catalogue, retired categories and conditions included (each marked `retired`). */
export function listCatalogue(signal?: AbortSignal): Promise<Category[]> {
  return http<Category[]>('/api/categories?includeRetired=true', { signal });
}

export function useCatalogue() {
  return useQuery({ queryKey: adminKeys.catalogue, queryFn: ({ signal }) => listCatalogue(signal) });
}
