import * as L from 'leaflet';
import type { LeafletMouseEvent, PathOptions } from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import type { GridFeature, GridFeatureCollection } from '@/lib/api-types';
import { fromDisplay, toDisplay, type LatLng } from '@/lib/coordinates';
import { DEFAULT_CENTER, DEFAULT_ZOOM, DISPLAY_CRS, TILE_SOURCE } from '@/lib/map-config';

export interface MapMarker {
  id: string;
  latitude: number;
  longitude: number;
  color: string;
  /** Ring colour (the traffic light on the wall screen). */
  ring?: string;
  label?: string;
  radius?: number;
  className?: string;
  onClick?: () => void;
}

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** Metres, drawn as a circle around the point (GPS accuracy). */
  accuracy?: number;
}

/** A GeoJSON layer of grid polygons (WGS-84), drawn in the tiles' coordinate system. */
export interface MapLayer {
  id: string;
  data: GridFeatureCollection;
  style: (feature: GridFeature) => PathOptions;
  onClick?: (feature: GridFeature) => void;
  /** Plain text shown on hover; never read as HTML (grid names come from users). */
  tooltip?: (feature: GridFeature) => string | null;
}

export interface MapViewProps {
  /** WGS-84 [lat, lng] to pan to. */
  center?: readonly [number, number];
  zoom?: number;
  /** WGS-84 [west, south, east, north] to frame. */
  bounds?: readonly [number, number, number, number] | null;
  markers?: readonly MapMarker[];
  layers?: readonly MapLayer[];
  pin?: MapPoint | null;
  /** Called with the WGS-84 point the user tapped. */
  onPick?: (point: { latitude: number; longitude: number }) => void;
  height?: number | string;
  testId?: string;
  dark?: boolean;
}

const shown = (lat: number, lng: number): L.LatLngTuple => {
  const [displayLat, displayLng] = toDisplay([lat, lng], DISPLAY_CRS) as LatLng;
  return [displayLat, displayLng];
};

/**
 * A span holding `text` as text: Leaflet inserts string tooltip content as HTML, and grid and case
 * names come from users and imports, so they must never reach it as a string.
 */
export function textElement(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

/** Creates the Leaflet map in the returned ref's element once, and removes it on unmount. */
function useLeafletMap(initialCenter: L.LatLngTuple, initialZoom: number) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const initial = useRef({ center: initialCenter, zoom: initialZoom });
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const created = L.map(container, {
      center: initial.current.center,
      zoom: initial.current.zoom,
      maxZoom: TILE_SOURCE?.maxZoom ?? 19,
      attributionControl: !!TILE_SOURCE,
    });
    if (TILE_SOURCE) {
      L.tileLayer(TILE_SOURCE.url, {
        attribution: TILE_SOURCE.attribution,
        maxZoom: TILE_SOURCE.maxZoom,
        ...(TILE_SOURCE.subdomains ? { subdomains: TILE_SOURCE.subdomains } : {}),
      }).addTo(created);
    }
    setMap(created);
    return () => {
      setMap(null);
      created.remove();
    };
  }, []);
  return { containerRef, map };
}

interface DrawnMarker {
  circle: L.CircleMarker;
  label: HTMLElement | null;
  className: string | undefined;
  onClick: (() => void) | undefined;
}

function markerStyle(marker: MapMarker): L.CircleMarkerOptions {
  return {
    radius: marker.radius ?? 7,
    color: marker.ring ?? '#fff',
    weight: marker.ring ? 3 : 1.5,
    fillColor: marker.color,
    fillOpacity: 0.9,
  };
}

function classNames(className: string | undefined): string[] {
  return className ? className.split(/\s+/).filter(Boolean) : [];
}

function drawGridLayer(map: L.Map, layer: MapLayer): L.GeoJSON {
  const { data, style, onClick, tooltip } = layer;
  return L.geoJSON(data as unknown as GeoJSON.GeoJsonObject, {
    interactive: !!onClick,
    style: (feature) => {
      const grid = feature as unknown as GridFeature;
      return { ...style(grid), className: `grid-shape grid-shape--${grid.properties.level}` };
    },
    coordsToLatLng: (coords) => L.latLng(shown(coords[1], coords[0])),
    onEachFeature: (feature, path) => {
      const grid = feature as unknown as GridFeature;
      if (tooltip) {
        const text = tooltip(grid);
        if (text) path.bindTooltip(textElement(text), { sticky: true });
      }
      if (onClick) {
        path.on('click', (event: LeafletMouseEvent) => {
          event.originalEvent.stopPropagation();
          onClick(grid);
        });
      }
    },
  }).addTo(map);
}

/**
 * A Leaflet map that takes and gives WGS-84 only. Without a tile source it is a plain background
 * with vector shapes; with one, points and polygons are converted to the source's coordinate
 * system (GCJ-02 for AMap and Tencent) as they are drawn, and taps back to WGS-84.
 *
 * Layers are drawn bottom to top as grid layers (in the given order), markers, then the pin.
 */
export function MapView({
  center,
  zoom = DEFAULT_ZOOM,
  bounds,
  markers = [],
  layers = [],
  pin,
  onPick,
  height = 320,
  testId,
  dark = false,
}: MapViewProps) {
  const start = center ?? DEFAULT_CENTER;
  const { containerRef, map } = useLeafletMap(shown(start[0], start[1]), zoom);

  const grids = useRef(new Map<string, { source: MapLayer; drawn: L.GeoJSON }>());
  const gridOrder = useRef('');
  const drawnMarkers = useRef(new Map<string, DrawnMarker>());
  const drawnPin = useRef<L.Path[]>([]);

  // Pan to the centre whenever it changes (the first one is where the map starts).
  const centerLat = center?.[0];
  const centerLng = center?.[1];
  useEffect(() => {
    if (!map || centerLat === undefined || centerLng === undefined) return;
    map.panTo(shown(centerLat, centerLng));
  }, [map, centerLat, centerLng]);

  const [west, south, east, north] = bounds ?? [];
  useEffect(() => {
    if (!map || west === undefined || south === undefined || east === undefined || north === undefined) return;
    map.fitBounds([shown(south, west), shown(north, east)], { padding: [24, 24] });
  }, [map, west, south, east, north]);

  // The latest callback is read at click time, so a new function each render does not re-subscribe.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  const picking = !!onPick;
  useEffect(() => {
    if (!map || !picking) return undefined;
    const handler = (event: LeafletMouseEvent) => {
      const [latitude, longitude] = fromDisplay([event.latlng.lat, event.latlng.lng], DISPLAY_CRS);
      pick.current?.({ latitude, longitude });
    };
    map.on('click', handler);
    return () => {
      map.off('click', handler);
    };
  }, [map, picking]);

  // Grid layers: a GeoJSON layer does not follow new data, so a changed layer is drawn afresh
  // and everything above it is raised again to keep the stacking order.
  useEffect(() => {
    if (!map) return;
    const drawn = grids.current;
    const wanted = new Set(layers.map((layer) => layer.id));
    for (const [id, entry] of drawn) {
      if (!wanted.has(id)) {
        entry.drawn.remove();
        drawn.delete(id);
      }
    }
    const order = layers.map((layer) => layer.id).join('\n');
    let raise = order !== gridOrder.current;
    gridOrder.current = order;
    for (const layer of layers) {
      const entry = drawn.get(layer.id);
      const unchanged =
        entry &&
        entry.source.data === layer.data &&
        entry.source.style === layer.style &&
        entry.source.onClick === layer.onClick &&
        entry.source.tooltip === layer.tooltip;
      if (entry && unchanged) {
        if (raise) entry.drawn.bringToFront();
        continue;
      }
      entry?.drawn.remove();
      drawn.set(layer.id, { source: layer, drawn: drawGridLayer(map, layer) });
      raise = true;
    }
    if (raise) {
      for (const marker of drawnMarkers.current.values()) marker.circle.bringToFront();
      for (const path of drawnPin.current) path.bringToFront();
    }
  }, [map, layers]);

  // Markers are updated in place by id, so an open tooltip survives a refresh of the board.
  useEffect(() => {
    if (!map) return;
    const drawn = drawnMarkers.current;
    const wanted = new Set(markers.map((marker) => marker.id));
    for (const [id, entry] of drawn) {
      if (!wanted.has(id)) {
        entry.circle.remove();
        drawn.delete(id);
      }
    }
    for (const marker of markers) {
      const position = shown(marker.latitude, marker.longitude);
      let entry = drawn.get(marker.id);
      if (!entry) {
        const circle = L.circleMarker(position, { ...markerStyle(marker), className: marker.className });
        const created: DrawnMarker = { circle, label: null, className: marker.className, onClick: marker.onClick };
        circle.on('click', () => created.onClick?.());
        circle.addTo(map);
        entry = created;
        drawn.set(marker.id, entry);
      } else {
        entry.circle.setLatLng(position);
        entry.circle.setRadius(marker.radius ?? 7);
        entry.circle.setStyle(markerStyle(marker));
        if (entry.className !== marker.className) {
          // Leaflet applies className only when the path is created.
          const element = entry.circle.getElement();
          element?.classList.remove(...classNames(entry.className));
          element?.classList.add(...classNames(marker.className));
          entry.circle.options.className = marker.className;
          entry.className = marker.className;
        }
        entry.onClick = marker.onClick;
      }
      if (!marker.label) {
        if (entry.label) entry.circle.unbindTooltip();
        entry.label = null;
      } else if (entry.label) {
        if (entry.label.textContent !== marker.label) entry.label.textContent = marker.label;
      } else {
        entry.label = textElement(marker.label);
        entry.circle.bindTooltip(entry.label);
      }
    }
  }, [map, markers]);

  const pinLat = pin?.latitude;
  const pinLng = pin?.longitude;
  const pinAccuracy = pin?.accuracy;
  useEffect(() => {
    if (!map || pinLat === undefined || pinLng === undefined) return undefined;
    const position = shown(pinLat, pinLng);
    const paths: L.Path[] = [];
    if (pinAccuracy) paths.push(L.circle(position, { radius: pinAccuracy, color: '#1677ff', weight: 1, fillOpacity: 0.1 }));
    paths.push(
      L.circleMarker(position, { radius: 10, color: '#fff', weight: 3, fillColor: '#f5222d', fillOpacity: 1, className: 'map-pin' }),
    );
    for (const path of paths) path.addTo(map);
    drawnPin.current = paths;
    return () => {
      for (const path of paths) path.remove();
      drawnPin.current = [];
    };
  }, [map, pinLat, pinLng, pinAccuracy]);

  // Layers belong to the map they were drawn on; a new map (remount) starts from nothing.
  useEffect(() => {
    if (!map) return undefined;
    const gridLayers = grids.current;
    const markerLayers = drawnMarkers.current;
    return () => {
      gridLayers.clear();
      markerLayers.clear();
      gridOrder.current = '';
    };
  }, [map]);

  return (
    <div
      data-testid={testId}
      data-crs={DISPLAY_CRS}
      className={`map-view${dark ? ' map-view--dark' : ''}${TILE_SOURCE ? '' : ' map-view--plain'}`}
      style={{ height }}
    >
      <div ref={containerRef} style={{ height: '100%', width: '100%' }} />
    </div>
  );
}
