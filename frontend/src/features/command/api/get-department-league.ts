import { useQuery } from '@tanstack/react-query';
import type { LeagueTable } from '@/lib/evaluation-types';
import { http } from '@/lib/http';

export const departmentLeagueKey = ['evaluation', 'league', 'wall', 'department', 'month'] as const;

/** Figures move with every closed case; the wall reads them again every few minutes, not on each push. */
const REFRESH = 5 * 60 * 1000;

/** The current month's department league from the server (`GET /api/evaluation/league`). */
export function useDepartmentLeague(enabled: boolean) {
  return useQuery({
    queryKey: departmentLeagueKey,
    queryFn: ({ signal }) => http<LeagueTable>('/api/evaluation/league?object=department&period=month', { signal }),
    refetchInterval: REFRESH,
    staleTime: REFRESH,
    enabled,
  });
}
