import type { Category } from '@/lib/api-types';

/** 0505 机动车乱停放, an event for the traffic police, without filing conditions unless given. */
export function aCategory(overrides: Partial<Category> = {}): Category {
  return {
    id: overrides.code ?? 'id',
    kind: 'event',
    code: '0505',
    majorCode: '05',
    majorNameZh: '街面秩序',
    majorNameEn: 'Street order',
    nameZh: '机动车乱停放',
    nameEn: 'Illegal parking (motor vehicle)',
    departmentKind: 'traffic_police',
    conditions: [],
    retired: false,
    version: 1,
    ...overrides,
  };
}
