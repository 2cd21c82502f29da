import { useQuery } from '@tanstack/react-query';
import type { Category } from '@/lib/api-types';
import { http } from '@/lib/http';

export const categoriesQueryKey = ['categories'] as const;

export function listCategories(signal?: AbortSignal): Promise<Category[]> {
  return http<Category[]>('/api/categories', { signal });
}

/** The catalogue changes rarely: load it once per visit. */
export function useCategories() {
  return useQuery({
    queryKey: categoriesQueryKey,
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 60 * 60 * 1000,
  });
}
