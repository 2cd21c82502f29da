import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GridLocation } from '@/lib/api-types';
import { http } from '@/lib/http';

export function locateGrid(longitude: number, latitude: number, signal?: AbortSignal): Promise<GridLocation> {
  const query = new URLSearchParams({ lon: longitude.toFixed(7), lat: latitude.toFixed(7) });
  return http<GridLocation>(`/api/grids/locate?${query.toString()}`, { signal });
}

/** The unit grid (and street, community) a point falls in; outside the managed area it is a 422. */
export function useLocateGrid(point: { longitude: number; latitude: number } | null) {
  const longitude = point ? Number(point.longitude.toFixed(7)) : null;
  const latitude = point ? Number(point.latitude.toFixed(7)) : null;
  return useQuery({
    queryKey: ['grids', 'locate', longitude, latitude],
    queryFn: ({ signal }) => locateGrid(longitude!, latitude!, signal),
    enabled: longitude !== null && latitude !== null,
    staleTime: 60 * 60 * 1000,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
