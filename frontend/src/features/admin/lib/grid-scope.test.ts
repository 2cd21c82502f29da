import { describe, expect, it } from 'vitest';
import { optionsFor, scopeKind, scopeOptions, scopeToValue, takesGridScope, valueToScope, WHOLE_CITY } from '@/features/admin/lib/grid-scope';
import type { GridNode } from '@/lib/api-types';

function node(code: string, level: GridNode['level'], name: string): GridNode {
  return { code, level, name, parentCode: null, validFrom: '2020-01-01', validTo: null, responsiblePerson: null, bbox: [0, 0, 1, 1] };
}

describe('grid scope', () => {
  it('belongs to the command-centre roles, and to patrollers as a street supervisor', () => {
    expect(takesGridScope(['dispatcher'])).toBe(true);
    expect(takesGridScope(['shift-leader'])).toBe(true);
    expect(takesGridScope(['admin'])).toBe(true);
    expect(takesGridScope(['patroller'])).toBe(true);
    expect(takesGridScope(['handler'])).toBe(false);
    expect(takesGridScope([])).toBe(false);
    expect(scopeKind(['dispatcher'])).toBe('command');
    expect(scopeKind(['patroller', 'shift-leader'])).toBe('command');
    expect(scopeKind(['patroller'])).toBe('street');
    expect(scopeKind(['handler'])).toBeNull();
  });

  it('offers a street supervisor street nodes only', () => {
    const options = [
      { value: '450304', level: 'district' },
      { value: '450304002', level: 'street' },
      { value: '450304002001', level: 'community' },
    ];
    expect(optionsFor('street', options).map((o) => o.value)).toEqual(['450304002']);
    expect(optionsFor('command', options)).toEqual(options);
  });

  it('maps the whole city to a value of its own and back to null', () => {
    expect(scopeToValue(null)).toBe(WHOLE_CITY);
    expect(scopeToValue(undefined)).toBe(WHOLE_CITY);
    expect(scopeToValue('450304002')).toBe('450304002');
    expect(valueToScope(WHOLE_CITY)).toBeNull();
    expect(valueToScope('450304002001')).toBe('450304002001');
  });

  it('lists nodes in tree order, each under its parent, without duplicates', () => {
    const options = scopeOptions([
      node('450304002', 'street', '南门街道'),
      node('450304001001', 'community', '象山社区'),
      node('450304', 'district', '象山区'),
      node('450304001', 'street', '象山街道'),
      node('450304002', 'street', '南门街道'),
      node('450304002003', 'community', '南门社区'),
    ]);
    expect(options.map((option) => option.code)).toEqual(['450304', '450304001', '450304001001', '450304002', '450304002003']);
    expect(options[0]).toEqual({ value: '450304', code: '450304', name: '象山区', level: 'district' });
  });
});
