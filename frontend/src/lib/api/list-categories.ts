import { useQuery } from '@tanstack/react-query';
import type { Category } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return http<Category[]>('/api/categories', { signal });
}

/** The catalogue changes rarely: load it once per visit. */
export function useCategories(enabled = true) {
  return useQuery({
    queryKey: sharedKeys.categories,
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 60 * 60 * 1000,
    enabled,
  });
}
