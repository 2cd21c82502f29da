import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { GridFeatureCollection, PatrolGrid, PatrollerAccount } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listPatrolGrids(signal?: AbortSignal): Promise<PatrolGrid[]> {
  return http<PatrolGrid[]>('/api/admin/grids/responsibility', { signal });
}

export function usePatrolGrids() {
  return useQuery({ queryKey: adminKeys.patrolGrids, queryFn: ({ signal }) => listPatrolGrids(signal) });
}

export function listPatrollers(signal?: AbortSignal): Promise<PatrollerAccount[]> {
  return http<PatrollerAccount[]>('/api/admin/grids/patrollers', { signal });
}

export function usePatrollers() {
  return useQuery({ queryKey: adminKeys.patrollers, queryFn: ({ signal }) => listPatrollers(signal) });
}

/** Every unit grid in force (simplified away: unit grids are drawn as stored), coloured by its responsibility grid. */
export function getUnitGridLayer(signal?: AbortSignal): Promise<GridFeatureCollection> {
  return http<GridFeatureCollection>('/api/grids/geojson?level=unit', { signal });
}

export function useUnitGridLayer() {
  return useQuery({
    queryKey: adminKeys.unitGridLayer,
    queryFn: ({ signal }) => getUnitGridLayer(signal),
    staleTime: 60 * 60 * 1000,
  });
}
