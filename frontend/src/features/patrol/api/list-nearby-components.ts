import { useQuery } from '@tanstack/react-query';
import type { Component } from '@/lib/api-types';
import { http } from '@/lib/http';

export const NEARBY_RADIUS_METRES = 100;

export function listNearbyComponents(
  longitude: number,
  latitude: number,
  categoryId: string,
  signal?: AbortSignal,
): Promise<Component[]> {
  const query = new URLSearchParams({
    lon: longitude.toFixed(7),
    lat: latitude.toFixed(7),
    radius: String(NEARBY_RADIUS_METRES),
    categoryId,
  });
  return http<Component[]>(`/api/components?${query.toString()}`, { signal });
}

/** 部件 of the chosen category near the point, nearest first, to pick the one the report is about. */
export function useNearbyComponents(point: { longitude: number; latitude: number } | null, categoryId: string | null) {
  const longitude = point ? Number(point.longitude.toFixed(6)) : null;
  const latitude = point ? Number(point.latitude.toFixed(6)) : null;
  return useQuery({
    queryKey: ['components', 'near', longitude, latitude, categoryId],
    queryFn: ({ signal }) => listNearbyComponents(longitude!, latitude!, categoryId!, signal),
    enabled: longitude !== null && latitude !== null && !!categoryId,
    staleTime: 5 * 60 * 1000,
  });
}
