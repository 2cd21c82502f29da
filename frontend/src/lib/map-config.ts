/**
 * Map defaults and the tile source. No tile server is assumed: the map is a plain background with
 * the grid and the case points on it. A deployment with tiles names a preset (VITE_TILE_SOURCE =
 * osm | amap | tencent) or its own URL (VITE_TILE_URL with VITE_TILE_CRS = wgs84 | gcj02, and
 * optionally VITE_TILE_SUBDOMAINS, VITE_TILE_ATTRIBUTION). Every source declares the coordinate
 * system its tiles are drawn in, so the map knows whether to convert WGS-84 at its edge.
 */
import type { CoordinateSystem } from '@/lib/coordinates';

export const DEFAULT_CENTER: readonly [number, number] = [25.255, 110.29];
export const DEFAULT_ZOOM = 15;

export interface TileSource {
  url: string;
  crs: CoordinateSystem;
  attribution: string;
  subdomains?: string;
  maxZoom: number;
}

/** Well-known sources; AMap and Tencent draw in GCJ-02. */
export const TILE_PRESETS: Record<string, TileSource> = {
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    crs: 'wgs84',
    attribution: '© OpenStreetMap contributors',
    maxZoom: 19,
  },
  amap: {
    url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
    crs: 'gcj02',
    attribution: '© 高德地图',
    subdomains: '1234',
    maxZoom: 18,
  },
  tencent: {
    url: 'https://rt{s}.map.gtimg.com/realtimerender?z={z}&x={x}&y={-y}&type=vector&style=0',
    crs: 'gcj02',
    attribution: '© 腾讯地图',
    subdomains: '0123',
    maxZoom: 18,
  },
};

export interface TileEnvironment {
  VITE_TILE_SOURCE?: string;
  VITE_TILE_URL?: string;
  VITE_TILE_CRS?: string;
  VITE_TILE_ATTRIBUTION?: string;
  VITE_TILE_SUBDOMAINS?: string;
}

/** The configured source, or null for the plain background. */
export function resolveTileSource(env: TileEnvironment): TileSource | null {
  const url = env.VITE_TILE_URL?.trim();
  if (url) {
    const crs: CoordinateSystem = env.VITE_TILE_CRS?.trim().toLowerCase() === 'gcj02' ? 'gcj02' : 'wgs84';
    return {
      url,
      crs,
      attribution: env.VITE_TILE_ATTRIBUTION ?? '',
      subdomains: env.VITE_TILE_SUBDOMAINS || undefined,
      maxZoom: 19,
    };
  }
  const preset = env.VITE_TILE_SOURCE?.trim().toLowerCase();
  if (preset && preset in TILE_PRESETS) return TILE_PRESETS[preset]!;
  return null;
}

export const TILE_SOURCE: TileSource | null = resolveTileSource(import.meta.env as TileEnvironment);

/** The system the map draws in: that of its tiles, or WGS-84 on the plain background. */
export const DISPLAY_CRS: CoordinateSystem = TILE_SOURCE?.crs ?? 'wgs84';
