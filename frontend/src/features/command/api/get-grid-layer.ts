import { useQuery } from '@tanstack/react-query';
import type { GridFeatureCollection, GridLevel } from '@/lib/api-types';
import { http } from '@/lib/http';

export function getGridLayer(level: GridLevel, parent: string | null, signal?: AbortSignal): Promise<GridFeatureCollection> {
  const query = new URLSearchParams({ level });
  if (parent) query.set('parent', parent);
  return http<GridFeatureCollection>(`/api/grids/geojson?${query.toString()}`, {
    signal,
    headers: { Accept: 'application/geo+json, application/json' },
  });
}

/** A map layer of grid polygons (coarse levels come simplified from the server). */
export function useGridLayer(level: GridLevel, parent: string | null = null, enabled = true) {
  return useQuery({
    queryKey: ['grids', 'geojson', level, parent],
    queryFn: ({ signal }) => getGridLayer(level, parent, signal),
    staleTime: 60 * 60 * 1000,
    enabled,
  });
}
