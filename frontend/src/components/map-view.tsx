import { Circle, CircleMarker, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { useEffect } from 'react';
import { DEFAULT_CENTER, DEFAULT_ZOOM, TILE_ATTRIBUTION, TILE_URL } from '@/lib/map-config';

export interface MapMarker {
  id: string;
  latitude: number;
  longitude: number;
  color: string;
  label?: string;
  onClick?: () => void;
}

export interface MapPoint {
  latitude: number;
  longitude: number;
  /** Metres, drawn as a circle around the point (GPS accuracy). */
  accuracy?: number;
}

export interface MapViewProps {
  center?: readonly [number, number];
  zoom?: number;
  markers?: readonly MapMarker[];
  pin?: MapPoint | null;
  onPick?: (point: { latitude: number; longitude: number }) => void;
  height?: number | string;
  testId?: string;
  dark?: boolean;
}

function PickHandler({ onPick }: { onPick: NonNullable<MapViewProps['onPick']> }) {
  useMapEvents({
    click(event) {
      onPick({ latitude: event.latlng.lat, longitude: event.latlng.lng });
    },
  });
  return null;
}

function Recenter({ center }: { center: readonly [number, number] }) {
  const map = useMap();
  const [lat, lng] = center;
  useEffect(() => {
    map.panTo([lat, lng]);
  }, [map, lat, lng]);
  return null;
}

/** A Leaflet map drawn with vector markers only, so it needs no image or tile downloads. */
export function MapView({
  center,
  zoom = DEFAULT_ZOOM,
  markers = [],
  pin,
  onPick,
  height = 320,
  testId,
  dark = false,
}: MapViewProps) {
  const start = center ?? DEFAULT_CENTER;
  return (
    <div
      data-testid={testId}
      className={`map-view${dark ? ' map-view--dark' : ''}${TILE_URL ? '' : ' map-view--plain'}`}
      style={{ height }}
    >
      <MapContainer
        center={[start[0], start[1]]}
        zoom={zoom}
        style={{ height: '100%', width: '100%' }}
        attributionControl={!!TILE_URL}
      >
        {TILE_URL ? <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} /> : null}
        {center ? <Recenter center={center} /> : null}
        {onPick ? <PickHandler onPick={onPick} /> : null}
        {markers.map((marker) => (
          <CircleMarker
            key={marker.id}
            center={[marker.latitude, marker.longitude]}
            radius={7}
            pathOptions={{ color: '#fff', weight: 1.5, fillColor: marker.color, fillOpacity: 0.9 }}
            eventHandlers={marker.onClick ? { click: marker.onClick } : undefined}
          >
            {marker.label ? <Tooltip>{marker.label}</Tooltip> : null}
          </CircleMarker>
        ))}
        {pin?.accuracy ? (
          <Circle
            center={[pin.latitude, pin.longitude]}
            radius={pin.accuracy}
            pathOptions={{ color: '#1677ff', weight: 1, fillOpacity: 0.1 }}
          />
        ) : null}
        {pin ? (
          <CircleMarker
            center={[pin.latitude, pin.longitude]}
            radius={10}
            pathOptions={{ color: '#fff', weight: 3, fillColor: '#f5222d', fillOpacity: 1 }}
          />
        ) : null}
      </MapContainer>
    </div>
  );
}
