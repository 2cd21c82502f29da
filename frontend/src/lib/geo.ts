/**
 * Plane geometry on GeoJSON grid polygons (WGS-84 degrees): enough to tell whether a pushed case
 * lies in the grid node a board is filtered to, and to frame a node on the map.
 */
import type { GridFeature } from '@/lib/api-types';

type Ring = number[][];

/** Ray casting; a point on an edge may land either way, which a 100 m grid cell does not notice. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(lon, lat, outer)) return false;
  return !holes.some((hole) => inRing(lon, lat, hole));
}

export function featureContains(feature: Pick<GridFeature, 'geometry'>, lon: number, lat: number): boolean {
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') return inPolygon(lon, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lon, lat, polygon));
}

/** [west, south, east, north] of a feature. */
export function featureBounds(feature: Pick<GridFeature, 'geometry'>): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const rings = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [lon, lat] of ring as [number, number][]) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}
