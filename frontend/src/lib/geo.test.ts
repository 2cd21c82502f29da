import { describe, expect, it } from 'vitest';
import type { GridFeature } from '@/lib/api-types';
import { featureBounds, featureContains } from '@/lib/geo';

const square = (west: number, south: number, east: number, north: number): number[][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

const street: Pick<GridFeature, 'geometry'> = {
  geometry: { type: 'Polygon', coordinates: [square(110.27, 25.23, 110.3, 25.26), square(110.28, 25.24, 110.29, 25.25)] },
};

describe('featureContains', () => {
  it('finds a point inside the outer ring and outside every hole', () => {
    expect(featureContains(street, 110.275, 25.235)).toBe(true);
    expect(featureContains(street, 110.285, 25.245)).toBe(false);
    expect(featureContains(street, 110.31, 25.235)).toBe(false);
  });

  it('looks in every part of a multipolygon', () => {
    const parts: Pick<GridFeature, 'geometry'> = {
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(2, 2, 3, 3)]] },
    };
    expect(featureContains(parts, 2.5, 2.5)).toBe(true);
    expect(featureContains(parts, 1.5, 1.5)).toBe(false);
  });
});

describe('featureBounds', () => {
  it('is west, south, east, north', () => {
    expect(featureBounds(street)).toEqual([110.27, 25.23, 110.3, 25.26]);
  });
});
