import type { CaseDto, CaseTraceEntry } from '@/lib/api-types';

/** Case 450304-2026-000001: 0505 机动车乱停放, dispatched, version 4, offering return and sign. */
export function aCase(overrides: Partial<CaseDto> = {}): CaseDto {
  return {
    id: 'case-1',
    number: '450304-2026-000001',
    state: 'Dispatched',
    version: 4,
    source: 'patrol',
    category: { id: 'cat-parking', code: '0505', nameZh: '机动车乱停放', nameEn: 'Illegal parking' },
    condition: null,
    department: null,
    longitude: 110.29,
    latitude: 25.255,
    description: '',
    reportedBy: 'patroller1',
    reportedAt: '2026-03-02T01:00:00Z',
    updatedAt: '2026-03-02T01:00:00Z',
    needsManualDispatch: false,
    outsideResponsibilityGrid: false,
    photos: [],
    trace: [],
    allowedActions: ['return', 'sign'],
    extensionCount: 0,
    reworkCount: 0,
    returnCount: 0,
    escalated: false,
    selfHandled: false,
    callbackWanted: false,
    ...overrides,
  };
}

/** A trace row: the system dispatched the case by rule to 桂林市排水公司. */
export function aTraceEntry(overrides: Partial<CaseTraceEntry> = {}): CaseTraceEntry {
  return {
    action: 'dispatch',
    code: 'dispatched-by-rule',
    text: '按派遣规则「0505 默认」派遣至 桂林市排水公司',
    actor: 'system',
    actorName: '系统',
    role: 'system',
    departmentKey: 'gl-drainage',
    departmentName: '桂林市排水公司',
    fromState: 'Filed',
    toState: 'Dispatched',
    opinion: null,
    sequence: 2,
    at: '2026-03-02T01:05:00Z',
    ...overrides,
  };
}
