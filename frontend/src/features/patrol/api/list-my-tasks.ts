import { useQuery } from '@tanstack/react-query';
import type { CaseSummary } from '@/lib/api-types';
import { http } from '@/lib/http';

export const myTasksQueryKey = ['cases', 'tasks'] as const;

/** 核实 and 核查 waiting in the patroller's responsibility grids (or on their own reports), nearest deadline first. */
export function listMyTasks(signal?: AbortSignal): Promise<CaseSummary[]> {
  return http<CaseSummary[]>('/api/cases/tasks', { signal });
}

export function useMyTasks() {
  return useQuery({
    queryKey: myTasksQueryKey,
    queryFn: ({ signal }) => listMyTasks(signal),
  });
}
