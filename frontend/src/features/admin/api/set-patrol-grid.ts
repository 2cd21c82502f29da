import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { PatrolGrid } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface PatrolGridChange {
  code: string;
  body: {
    patrollers: string[];
    responsiblePerson: { name: string; phone: string | null } | null;
    version: number;
  };
}

export function setPatrolGrid({ code, body }: PatrolGridChange): Promise<PatrolGrid> {
  return http<PatrolGrid>(`/api/admin/grids/responsibility/${encodeURIComponent(code)}`, { method: 'PUT', json: body });
}

/** The answer replaces the grid's row; the patrollers' list of grids changes with it. */
export function useSetPatrolGrid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPatrolGrid,
    onSuccess: (updated) => {
      queryClient.setQueryData<PatrolGrid[]>(adminKeys.patrolGrids, (grids) =>
        grids?.map((grid) => (grid.code === updated.code ? updated : grid)),
      );
      void queryClient.invalidateQueries({ queryKey: adminKeys.patrollers });
    },
  });
}
