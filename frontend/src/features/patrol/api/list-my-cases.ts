import { useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@/lib/api-types';
import { http } from '@/lib/http';

export const myCasesQueryKey = ['cases', 'mine'] as const;

export function listMyCases(signal?: AbortSignal): Promise<CaseSummary[]> {
  return http<CaseSummary[]>('/api/cases/mine', { signal });
}

export function useMyCases(enabled = true) {
  return useQuery({
    queryKey: myCasesQueryKey,
    queryFn: ({ signal }) => listMyCases(signal),
    enabled,
  });
}
