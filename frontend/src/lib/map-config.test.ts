import { describe, expect, it } from 'vitest';
import { resolveTileSource, TILE_PRESETS } from '@/lib/map-config';

describe('tile source', () => {
  it('is none without configuration, so the map draws a plain background', () => {
    expect(resolveTileSource({})).toBeNull();
    expect(resolveTileSource({ VITE_TILE_URL: '  ' })).toBeNull();
  });

  it('declares GCJ-02 for the AMap and Tencent presets and WGS-84 for OpenStreetMap', () => {
    expect(resolveTileSource({ VITE_TILE_SOURCE: 'amap' })?.crs).toBe('gcj02');
    expect(resolveTileSource({ VITE_TILE_SOURCE: 'Tencent' })?.crs).toBe('gcj02');
    expect(resolveTileSource({ VITE_TILE_SOURCE: 'osm' })?.crs).toBe('wgs84');
    expect(resolveTileSource({ VITE_TILE_SOURCE: 'nowhere' })).toBeNull();
  });

  it('takes a configured URL with the coordinate system it declares, WGS-84 unless told', () => {
    expect(resolveTileSource({ VITE_TILE_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).toMatchObject({
      url: 'https://tiles.example/{z}/{x}/{y}.png',
      crs: 'wgs84',
    });
    expect(
      resolveTileSource({ VITE_TILE_URL: 'https://t{s}.example/{z}/{x}/{y}', VITE_TILE_CRS: 'GCJ02', VITE_TILE_SUBDOMAINS: '123' }),
    ).toMatchObject({ crs: 'gcj02', subdomains: '123' });
  });

  it('prefers a configured URL over a preset', () => {
    expect(resolveTileSource({ VITE_TILE_SOURCE: 'amap', VITE_TILE_URL: 'https://own.example/{z}/{x}/{y}.png' })?.url).not.toBe(
      TILE_PRESETS.amap!.url,
    );
  });
});
