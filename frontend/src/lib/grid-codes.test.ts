import { describe, expect, it } from 'vitest';
import { gridContains } from '@/lib/grid-codes';

describe('gridContains', () => {
  it('holds for the node itself and everything under it', () => {
    expect(gridContains('450304002', '450304002')).toBe(true);
    expect(gridContains('450304002', '450304002001')).toBe(true);
    expect(gridContains('450304002', '450304002001017')).toBe(true);
    expect(gridContains('450304', '450304003002001')).toBe(true);
  });

  it('does not hold for a sibling or for a node above', () => {
    expect(gridContains('450304002', '450304001001017')).toBe(false);
    expect(gridContains('450304002', '450304')).toBe(false);
    expect(gridContains('450304002001', '450304002002001')).toBe(false);
  });

  it('places every district of a city under the city, whose own code ends in 00', () => {
    expect(gridContains('450300', '450304')).toBe(true);
    expect(gridContains('450300', '450305001002003')).toBe(true);
    expect(gridContains('450300', '450404001002003')).toBe(false);
  });
});
