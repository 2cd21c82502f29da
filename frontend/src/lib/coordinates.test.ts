import { describe, expect, it } from 'vitest';
import { distanceMetres, fromDisplay, gcj02ToWgs84, toDisplay, wgs84ToGcj02, type LatLng } from '@/lib/coordinates';

// Reference pairs [WGS-84, GCJ-02] as [lat, lng], from the test data of the widely used
// eviltransform library (Shanghai, Shenzhen, Beijing) and of gcoord (123 E, 45 N).
const reference: [string, LatLng, LatLng][] = [
  ['Shanghai', [31.1774276, 121.5272106], [31.17530398364597, 121.531541859215]],
  ['Shenzhen', [22.543847, 113.912316], [22.540796131694766, 113.9171764808363]],
  ['Beijing', [39.911954, 116.377817], [39.91334545536069, 116.38404722455657]],
  ['123 E 45 N', [45, 123], [45.00197815, 123.00607541]],
];

describe('WGS-84 to GCJ-02', () => {
  it.each(reference)('%s lands on the reference GCJ-02 point to six decimals', (_, wgs, gcj) => {
    const [lat, lng] = wgs84ToGcj02(wgs);
    expect(lat).toBeCloseTo(gcj[0], 6);
    expect(lng).toBeCloseTo(gcj[1], 6);
  });

  it('leaves points outside China as they are', () => {
    expect(wgs84ToGcj02([51.4779, -0.0015])).toEqual([51.4779, -0.0015]);
    expect(gcj02ToWgs84([45, 183])).toEqual([45, 183]);
  });

  it('moves a point in the demo city by a few hundred metres, as GCJ-02 does', () => {
    const elephantTrunkHill: LatLng = [25.268, 110.296];
    const shift = distanceMetres(elephantTrunkHill, wgs84ToGcj02(elephantTrunkHill));
    expect(shift).toBeGreaterThan(200);
    expect(shift).toBeLessThan(800);
  });
});

describe('GCJ-02 to WGS-84', () => {
  it.each(reference)('%s comes back to its WGS-84 point within a centimetre', (_, wgs, gcj) => {
    expect(distanceMetres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.01);
  });

  it('matches the gcoord reference for 123 E 45 N read as GCJ-02', () => {
    const [lat, lng] = gcj02ToWgs84([45, 123]);
    expect(lng).toBeCloseTo(122.99395597, 5);
    expect(lat).toBeCloseTo(44.99804071, 5);
  });
});

describe('the map edge', () => {
  it('draws WGS-84 tiles without conversion and converts for GCJ-02 tiles, both ways', () => {
    const point: LatLng = [25.255, 110.29];
    expect(toDisplay(point, 'wgs84')).toBe(point);
    expect(fromDisplay(point, 'wgs84')).toBe(point);
    const shown = toDisplay(point, 'gcj02');
    expect(shown).not.toEqual(point);
    expect(distanceMetres(fromDisplay(shown, 'gcj02'), point)).toBeLessThan(0.01);
  });
});
