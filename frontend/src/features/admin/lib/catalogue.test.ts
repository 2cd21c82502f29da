import { describe, expect, it } from 'vitest';
import { categoryRequest, conditionRequest, filterCatalogue } from '@/features/admin/lib/catalogue';
import type { CategoryCondition } from '@/lib/api-types';
import { aCategory } from '@/testing/category';

const broken: CategoryCondition = {
  id: 'cond-1',
  nameZh: '破损',
  nameEn: 'broken',
  limit: 6,
  unit: 'urgent_hours',
  closingStandardZh: '修复完好',
  closingStandardEn: 'repaired',
  retired: false,
  version: 7,
};
const parking = aCategory({ id: 'c-0505' });
const cover = aCategory({ id: 'c-0102', kind: 'component', code: '0102', nameZh: '污水井盖', nameEn: 'Sewage cover', conditions: [broken] });
const retired = aCategory({ id: 'c-0599', code: '0599', nameZh: '旧分类', nameEn: 'Old', retired: true });

describe('filterCatalogue', () => {
  it('leaves retired categories out unless asked', () => {
    expect(filterCatalogue([parking, retired], { kind: 'all', text: '', showRetired: false }).map((c) => c.code)).toEqual(['0505']);
    expect(filterCatalogue([parking, retired], { kind: 'all', text: '', showRetired: true }).map((c) => c.code)).toEqual(['0505', '0599']);
  });

  it('filters by kind and finds text in codes, names and condition names', () => {
    const all = [parking, cover];
    expect(filterCatalogue(all, { kind: 'component', text: '', showRetired: false }).map((c) => c.code)).toEqual(['0102']);
    expect(filterCatalogue(all, { kind: 'all', text: '破损', showRetired: false }).map((c) => c.code)).toEqual(['0102']);
    expect(filterCatalogue(all, { kind: 'all', text: 'PARKING', showRetired: false }).map((c) => c.code)).toEqual(['0505']);
    expect(filterCatalogue(all, { kind: 'all', text: '0505', showRetired: false }).map((c) => c.code)).toEqual(['0505']);
  });
});

describe('requests', () => {
  it('a category edit carries the version it was read at; a new one none', () => {
    const values = { kind: 'event' as const, code: '0505', majorNameZh: '街面秩序', majorNameEn: 'Street order', nameZh: '停车', nameEn: 'Parking', departmentKind: 'traffic_police' };
    expect(categoryRequest(values, { ...parking, version: 42 }).version).toBe(42);
    expect(categoryRequest(values).version).toBeNull();
  });

  it('a condition request sends empty closing standards rather than leaving them out', () => {
    expect(conditionRequest({ nameZh: '缺失', nameEn: 'missing', limit: 2, unit: 'working_days' })).toEqual({
      nameZh: '缺失',
      nameEn: 'missing',
      closingStandardZh: '',
      closingStandardEn: '',
      limit: 2,
      unit: 'working_days',
      version: null,
    });
    expect(conditionRequest({ nameZh: '破损', nameEn: 'broken', limit: 6, unit: 'urgent_hours' }, broken).version).toBe(7);
  });
});
