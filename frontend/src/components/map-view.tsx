import type { Layer, LeafletMouseEvent, PathOptions } from 'leaflet';
import { Circle, CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { useEffect, useMemo } from 'react';
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

const shown = (lat: number, lng: number): LatLng => toDisplay([lat, lng], DISPLAY_CRS);

function PickHandler({ onPick }: { onPick: NonNullable<MapViewProps['onPick']> }) {
  useMapEvents({
    click(event) {
      const [latitude, longitude] = fromDisplay([event.latlng.lat, event.latlng.lng], DISPLAY_CRS);
      onPick({ latitude, longitude });
    },
  });
  return null;
}

function Recenter({ center }: { center: readonly [number, number] }) {
  const map = useMap();
  const [lat, lng] = center;
  useEffect(() => {
    map.panTo(shown(lat, lng) as [number, number]);
  }, [map, lat, lng]);
  return null;
}

function FitBounds({ bounds }: { bounds: readonly [number, number, number, number] }) {
  const map = useMap();
  const [west, south, east, north] = bounds;
  useEffect(() => {
    map.fitBounds([shown(south, west) as [number, number], shown(north, east) as [number, number]], { padding: [24, 24] });
  }, [map, west, south, east, north]);
  return null;
}

/** A span holding `text` as text: grid names come from imports and must never be read as markup. */
export function textElement(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function GridLayer({ layer }: { layer: MapLayer }) {
  // GeoJSON layers do not follow new data: a changed collection or style is drawn afresh.
  const { data, style, onClick, tooltip } = layer;
  const options = useMemo(
    () => ({
      coordsToLatLng: (coords: [number, number] | [number, number, number]) => {
        const [lat, lng] = shown(coords[1], coords[0]);
        return { lat, lng } as never;
      },
      onEachFeature: (feature: GridFeature, path: Layer) => {
        if (tooltip) {
          const text = tooltip(feature);
          // Leaflet inserts a string tooltip as HTML; an element with text content shows names as text.
          if (text) path.bindTooltip(textElement(text), { sticky: true });
        }
        if (onClick) {
          path.on('click', (event: LeafletMouseEvent) => {
            event.originalEvent.stopPropagation();
            onClick(feature);
          });
        }
      },
    }),
    [onClick, tooltip],
  );
  return (
    <GeoJSON
      data={data as never}
      style={(feature) => ({ ...style(feature as unknown as GridFeature), className: `grid-shape grid-shape--${(feature as unknown as GridFeature).properties.level}` })}
      interactive={!!onClick}
      coordsToLatLng={options.coordsToLatLng as never}
      onEachFeature={options.onEachFeature as never}
    />
  );
}

/**
 * A Leaflet map that takes and gives WGS-84 only. Without a tile source it is a plain background
 * with vector shapes; with one, points and polygons are converted to the source's coordinate
 * system (GCJ-02 for AMap and Tencent) as they are drawn, and taps back to WGS-84.
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
  const startShown = shown(start[0], start[1]);
  return (
    <div
      data-testid={testId}
      data-crs={DISPLAY_CRS}
      className={`map-view${dark ? ' map-view--dark' : ''}${TILE_SOURCE ? '' : ' map-view--plain'}`}
      style={{ height }}
    >
      <MapContainer
        center={[startShown[0], startShown[1]]}
        zoom={zoom}
        maxZoom={TILE_SOURCE?.maxZoom ?? 19}
        style={{ height: '100%', width: '100%' }}
        attributionControl={!!TILE_SOURCE}
      >
        {TILE_SOURCE ? (
          <TileLayer
            url={TILE_SOURCE.url}
            attribution={TILE_SOURCE.attribution}
            maxZoom={TILE_SOURCE.maxZoom}
            {...(TILE_SOURCE.subdomains ? { subdomains: TILE_SOURCE.subdomains } : {})}
          />
        ) : null}
        {center ? <Recenter center={center} /> : null}
        {bounds ? <FitBounds bounds={bounds} /> : null}
        {onPick ? <PickHandler onPick={onPick} /> : null}
        {layers.map((layer) => (
          <GridLayer key={layer.id} layer={layer} />
        ))}
        {markers.map((marker) => (
          <CircleMarker
            key={marker.id}
            center={shown(marker.latitude, marker.longitude) as [number, number]}
            radius={marker.radius ?? 7}
            pathOptions={{
              color: marker.ring ?? '#fff',
              weight: marker.ring ? 3 : 1.5,
              fillColor: marker.color,
              fillOpacity: 0.9,
              className: marker.className,
            }}
            eventHandlers={marker.onClick ? { click: marker.onClick } : undefined}
          >
            {marker.label ? <Tooltip>{marker.label}</Tooltip> : null}
          </CircleMarker>
        ))}
        {pin?.accuracy ? (
          <Circle
            center={shown(pin.latitude, pin.longitude) as [number, number]}
            radius={pin.accuracy}
            pathOptions={{ color: '#1677ff', weight: 1, fillOpacity: 0.1 }}
          />
        ) : null}
        {pin ? (
          <CircleMarker
            center={shown(pin.latitude, pin.longitude) as [number, number]}
            radius={10}
            pathOptions={{ color: '#fff', weight: 3, fillColor: '#f5222d', fillOpacity: 1, className: 'map-pin' }}
          />
        ) : null}
      </MapContainer>
    </div>
  );
}
