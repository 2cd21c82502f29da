import { useQuery } from '@tanstack/react-query';
import type { Category } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return http<Category[]>('/api/categories', { signal });
}

/** The catalogue, under the key the patrol face caches it with: one answer serves both. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 60 * 60 * 1000,
  });
}
