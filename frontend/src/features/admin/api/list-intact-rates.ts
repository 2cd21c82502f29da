import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { IntactRates } from '@/lib/api-types';
import { http } from '@/lib/http';

/** 完好率 per component category and street, against each category's target where one is set. */
export function listIntactRates(category: string | undefined, signal?: AbortSignal): Promise<IntactRates> {
  const query = category ? `?category=${encodeURIComponent(category)}` : '';
  return http<IntactRates>(`/api/components/intact-rates${query}`, { signal });
}

export function useIntactRates(category: string | undefined) {
  return useQuery({
    queryKey: adminKeys.intactRates({ category: category ?? null }),
    queryFn: ({ signal }) => listIntactRates(category, signal),
  });
}
