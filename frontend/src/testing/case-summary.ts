import type { CaseSummary } from '@/lib/api-types';

let serial = 0;

export function aCaseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  serial += 1;
  const id = overrides.id ?? `case-${serial}`;
  return {
    id,
    number: `450304-2026-${String(serial).padStart(6, '0')}`,
    state: 'Dispatched',
    version: 1,
    categoryCode: '0505',
    categoryNameZh: '机动车乱停放',
    categoryNameEn: 'Illegal parking (motor vehicle)',
    departmentKey: 'xs-traffic',
    departmentNameZh: '桂林市公安局交警支队象山大队',
    departmentNameEn: 'Xiangshan Traffic Police Brigade',
    longitude: 110.29,
    latitude: 25.255,
    description: 'car on the pavement',
    needsManualDispatch: false,
    escalated: false,
    reportedAt: '2026-03-02T01:00:00Z',
    updatedAt: '2026-03-02T01:00:00Z',
    ...overrides,
  };
}
