import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridFeatureCollection } from '@/lib/api-types';
import { http } from '@/lib/http';

/** About 150 m around the point: the cell it falls in and its neighbours. */
const MARGIN_DEGREES = 0.0015;

export function getGridCells(longitude: number, latitude: number, signal?: AbortSignal): Promise<GridFeatureCollection> {
  const bbox = [longitude - MARGIN_DEGREES, latitude - MARGIN_DEGREES, longitude + MARGIN_DEGREES, latitude + MARGIN_DEGREES]
    .map((value) => value.toFixed(6))
    .join(',');
  return http<GridFeatureCollection>(`/api/grids/geojson?level=unit&bbox=${bbox}`, {
    signal,
    headers: { Accept: 'application/geo+json, application/json' },
  });
}

/** Unit grid cells around the pin, for the map of the report form. */
export function useGridCells(point: { longitude: number; latitude: number } | null) {
  // Rounded so that a small move of the pin reuses the cells already loaded.
  const longitude = point ? Math.round(point.longitude * 1000) / 1000 : null;
  const latitude = point ? Math.round(point.latitude * 1000) / 1000 : null;
  return useQuery({
    queryKey: ['grids', 'cells', longitude, latitude],
    queryFn: ({ signal }) => getGridCells(longitude!, latitude!, signal),
    enabled: longitude !== null && latitude !== null,
    staleTime: 60 * 60 * 1000,
    placeholderData: keepPreviousData,
  });
}
