import { fireEvent, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { GridFeature, GridFeatureCollection } from '@/lib/api-types';

// Leaflet decides at load time whether it can draw SVG; jsdom lacks createSVGRect, which is all it asks for.
vi.hoisted(() => {
  const proto = globalThis.SVGSVGElement?.prototype as { createSVGRect?: () => unknown } | undefined;
  if (proto && !proto.createSVGRect) proto.createSVGRect = () => ({ x: 0, y: 0, width: 0, height: 0 });
});

const { MapView, textElement } = await import('@/components/map-view');

const HOSTILE = '<img src=x onerror=alert(1)>';

function square(code: string, name: string, west: number, south: number): GridFeature {
  const size = 0.01;
  return {
    type: 'Feature',
    properties: { code, name, level: 'community' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west + size, south],
          [west + size, south + size],
          [west, south + size],
          [west, south],
        ],
      ],
    },
  };
}

const collection = (...features: GridFeature[]): GridFeatureCollection => ({ type: 'FeatureCollection', features });
const style = () => ({ color: '#69b1ff', weight: 1 });
const nameTooltip = (feature: GridFeature) => `${feature.properties.name} ${feature.properties.code}`;

function shapes(container: HTMLElement, level = 'community') {
  return [...container.querySelectorAll<SVGPathElement>(`path.grid-shape--${level}`)];
}

describe('textElement', () => {
  it('holds a grid name as text, so markup in it is shown and never run', () => {
    const name = '<img src=x onerror="window.hacked=1">象山';

    const element = textElement(name);

    expect(element.textContent).toBe(name);
    expect(element.children).toHaveLength(0);
    expect(element.querySelector('img')).toBeNull();
  });
});

describe('MapView', () => {
  it('shows a grid name from a user as text in its tooltip, creating no element from it', () => {
    const onClick = vi.fn();
    const { container } = render(
      <MapView
        testId="map"
        layers={[{ id: 'community', data: collection(square('4503020010', HOSTILE, 110.28, 25.25)), style, onClick, tooltip: nameTooltip }]}
      />,
    );
    const [shape] = shapes(container);
    expect(shape).toBeDefined();

    fireEvent.mouseOver(shape!);

    const tooltip = container.querySelector('.leaflet-tooltip');
    expect(tooltip?.textContent).toBe(`${HOSTILE} 4503020010`);
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows a marker label as text in its tooltip', () => {
    const { container } = render(
      <MapView markers={[{ id: 'a', latitude: 25.255, longitude: 110.29, color: '#1677ff', label: HOSTILE, className: 'case-marker' }]} />,
    );
    const marker = container.querySelector('path.case-marker');
    expect(marker).not.toBeNull();

    fireEvent.mouseOver(marker!);

    expect(container.querySelector('.leaflet-tooltip')?.textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it('passes the clicked grid feature to the layer and the clicked marker to its handler', () => {
    const onShape = vi.fn();
    const onMarker = vi.fn();
    const feature = square('4503020010', '东城社区', 110.28, 25.25);
    const { container } = render(
      <MapView
        layers={[{ id: 'community', data: collection(feature), style, onClick: onShape }]}
        markers={[{ id: 'a', latitude: 25.3, longitude: 110.3, color: '#1677ff', className: 'case-marker', onClick: onMarker }]}
      />,
    );

    fireEvent.click(shapes(container)[0]!);
    fireEvent.click(container.querySelector('path.case-marker')!);

    expect(onShape).toHaveBeenCalledExactlyOnceWith(feature);
    expect(onMarker).toHaveBeenCalledOnce();
  });

  it('reports a tap on the map as a WGS-84 point', () => {
    const onPick = vi.fn();
    const { getByTestId } = render(<MapView testId="map" center={[25.255, 110.29]} zoom={17} onPick={onPick} />);

    fireEvent.click(getByTestId('map').querySelector('.leaflet-container')!);

    expect(onPick).toHaveBeenCalledOnce();
    const [{ latitude, longitude }] = onPick.mock.calls[0]! as [{ latitude: number; longitude: number }];
    // jsdom lays nothing out, so the tap lands on the (zero-sized) map's centre, within a pixel.
    expect(latitude).toBeCloseTo(25.255, 4);
    expect(longitude).toBeCloseTo(110.29, 4);
  });

  it('draws a grid layer afresh when its data changes and removes one that is gone', () => {
    const first = collection(square('1', 'A', 110.28, 25.25));
    const second = collection(square('1', 'A', 110.28, 25.25), square('2', 'B', 110.29, 25.25));
    const { container, rerender } = render(<MapView layers={[{ id: 'community', data: first, style }]} />);
    expect(shapes(container)).toHaveLength(1);

    rerender(<MapView layers={[{ id: 'community', data: second, style }]} />);
    expect(shapes(container)).toHaveLength(2);

    rerender(<MapView layers={[]} />);
    expect(shapes(container)).toHaveLength(0);
  });

  it('keeps grid layers under the markers when a grid layer is redrawn', () => {
    const marker = { id: 'a', latitude: 25.255, longitude: 110.29, color: '#1677ff', className: 'case-marker' };
    const { container, rerender } = render(
      <MapView layers={[{ id: 'community', data: collection(square('1', 'A', 110.28, 25.25)), style }]} markers={[marker]} />,
    );

    rerender(<MapView layers={[{ id: 'community', data: collection(square('2', 'B', 110.28, 25.25)), style }]} markers={[marker]} />);

    const paths = [...container.querySelectorAll('path')];
    expect(paths.map((path) => path.classList.contains('case-marker'))).toEqual([false, true]);
  });

  it('updates a marker in place: its classes, label and handler follow the props', () => {
    const firstClick = vi.fn();
    const secondClick = vi.fn();
    const base = { id: 'a', latitude: 25.255, longitude: 110.29, color: '#1677ff' };
    const { container, rerender } = render(
      <MapView markers={[{ ...base, label: 'C-1', className: 'case-marker case-marker--Reported', onClick: firstClick }]} />,
    );
    const marker = container.querySelector('path.case-marker')!;

    rerender(<MapView markers={[{ ...base, label: 'C-2', className: 'case-marker case-marker--Dispatched case-marker--Red', onClick: secondClick }]} />);

    expect(container.querySelector('path.case-marker')).toBe(marker);
    expect([...marker.classList]).toEqual(expect.arrayContaining(['case-marker', 'case-marker--Dispatched', 'case-marker--Red']));
    expect(marker.classList.contains('case-marker--Reported')).toBe(false);
    fireEvent.mouseOver(marker);
    expect(container.querySelector('.leaflet-tooltip')?.textContent).toBe('C-2');
    fireEvent.click(marker);
    expect(secondClick).toHaveBeenCalledOnce();
    expect(firstClick).not.toHaveBeenCalled();

    rerender(<MapView markers={[]} />);
    expect(container.querySelector('path.case-marker')).toBeNull();
  });

  it('draws each layer once on a single map under StrictMode, which mounts effects twice', () => {
    const { container } = render(
      <StrictMode>
        <MapView
          layers={[{ id: 'community', data: collection(square('1', 'A', 110.28, 25.25)), style }]}
          markers={[{ id: 'a', latitude: 25.255, longitude: 110.29, color: '#1677ff', className: 'case-marker' }]}
          pin={{ latitude: 25.255, longitude: 110.29 }}
        />
      </StrictMode>,
    );

    expect(container.querySelectorAll('.leaflet-container')).toHaveLength(1);
    expect(shapes(container)).toHaveLength(1);
    expect(container.querySelectorAll('path.case-marker')).toHaveLength(1);
    expect(container.querySelectorAll('path.map-pin')).toHaveLength(1);
  });

  it('draws the pin with its accuracy circle and removes the map on unmount', () => {
    const { container, unmount } = render(<MapView pin={{ latitude: 25.255, longitude: 110.29, accuracy: 30 }} />);
    expect(container.querySelectorAll('path.map-pin')).toHaveLength(1);
    expect(container.querySelectorAll('path')).toHaveLength(2);

    unmount();

    expect(container.querySelector('.leaflet-container')).toBeNull();
  });
});
