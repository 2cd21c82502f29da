import { describe, expect, it } from 'vitest';
import { assignmentBody, dutySummary, filterGrids, gridsByUnit } from '@/features/admin/lib/patrol-grids';
import type { PatrolGrid } from '@/lib/api-types';

function patrolGrid(overrides: Partial<PatrolGrid> = {}): PatrolGrid {
  return {
    code: '450304001001-01',
    name: '象鼻山社区责任网格',
    streetCode: '450304001',
    streetName: '象山街道',
    communityCode: '450304001001',
    communityName: '象鼻山社区',
    unitGridCodes: ['450304001001001', '450304001001002'],
    patrollers: [{ userName: 'patroller1', displayName: '监督员一', enabled: true }],
    responsiblePerson: null,
    onDuty: true,
    fallback: null,
    version: 7,
    assignedAt: null,
    ...overrides,
  };
}

const empty = patrolGrid({
  code: '450304001003-01',
  name: '滨江社区责任网格',
  unitGridCodes: ['450304001003001'],
  patrollers: [],
  onDuty: false,
  fallback: { holder: 'shift-leaders', people: ['shiftleader1'] },
  responsiblePerson: { name: '王网格长', phone: null },
});

describe('patrol grids', () => {
  it('finds the responsibility grid of each unit grid', () => {
    const byUnit = gridsByUnit([patrolGrid(), empty]);

    expect(byUnit.get('450304001001002')?.code).toBe('450304001001-01');
    expect(byUnit.get('450304001003001')?.onDuty).toBe(false);
    expect(byUnit.has('450304002001001')).toBe(false);
  });

  it('filters by duty and by text in names, patrollers and the responsible person', () => {
    const grids = [patrolGrid(), empty];

    expect(filterGrids(grids, '', 'nobody').map((g) => g.code)).toEqual(['450304001003-01']);
    expect(filterGrids(grids, '', 'on-duty').map((g) => g.code)).toEqual(['450304001001-01']);
    expect(filterGrids(grids, '监督员一', 'all').map((g) => g.code)).toEqual(['450304001001-01']);
    expect(filterGrids(grids, '王网格长', 'all').map((g) => g.code)).toEqual(['450304001003-01']);
    expect(filterGrids(grids, '象山', 'nobody')).toHaveLength(1);
  });

  it('counts grids with and without anybody on duty', () => {
    expect(dutySummary([patrolGrid(), empty, empty])).toEqual({ total: 3, onDuty: 1, nobody: 2 });
  });

  it('sends the whole assignment with the version read, and no responsible person for an empty name', () => {
    expect(assignmentBody(patrolGrid(), { patrollers: ['patroller2'], responsibleName: ' 李四 ', responsiblePhone: '' })).toEqual({
      patrollers: ['patroller2'],
      responsiblePerson: { name: '李四', phone: null },
      version: 7,
    });
    expect(assignmentBody(patrolGrid(), { responsibleName: '  ', responsiblePhone: '139' })).toEqual({
      patrollers: [],
      responsiblePerson: null,
      version: 7,
    });
  });
});
