import { useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

/**
 * On-site tasks, 核实 (verify) and 核查 (check), nearest deadline first: a patroller's in the grids it walks, on its
 * own reports and, for a street's supervisor, those its street's empty grids handed over; a shift leader's, those
 * that fell to the shift leaders because nobody was on duty.
 */
export function listOnSiteTasks(signal?: AbortSignal): Promise<CaseSummary[]> {
  return http<CaseSummary[]>('/api/cases/tasks', { signal });
}

export function useOnSiteTasks(enabled = true) {
  return useQuery({
    queryKey: sharedKeys.onSiteTasks,
    queryFn: ({ signal }) => listOnSiteTasks(signal),
    enabled,
  });
}
