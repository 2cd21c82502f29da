/** Shapes of the HTTP and SignalR contract (docs/api.md). Extend them; never rename. */

export type Role = 'patroller' | 'acceptor' | 'shift-leader' | 'dispatcher' | 'handler' | 'leader' | 'admin';

export interface CurrentUser {
  userName: string;
  displayName: string;
  roles: string[];
  departmentKey?: string | null;
}

export type TimeLimitUnit = 'working_hours' | 'urgent_hours' | 'working_days' | 'calendar_days';

export interface CategoryCondition {
  id: string;
  nameZh: string;
  nameEn: string;
  limit: number;
  unit: TimeLimitUnit;
}

export interface Category {
  id: string;
  kind: 'component' | 'event';
  code: string;
  majorCode: string;
  majorNameZh: string;
  majorNameEn: string;
  nameZh: string;
  nameEn: string;
  departmentKind?: string | null;
  conditions: CategoryCondition[];
}

export interface DepartmentRef {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface Department extends DepartmentRef {
  kind: string;
  level: string;
}

export interface CaseSummary {
  id: string;
  number: string;
  state: string;
  version: number;
  categoryCode: string;
  categoryNameZh: string;
  categoryNameEn: string;
  departmentKey?: string | null;
  departmentNameZh?: string | null;
  departmentNameEn?: string | null;
  longitude: number;
  latitude: number;
  description: string;
  /** No routing rule covered the case: it waits in the dispatcher's manual queue. */
  needsManualDispatch?: boolean;
  reportedAt: string;
  updatedAt: string;
}

export interface CasePhoto {
  id: string;
  url: string;
  contentType: string;
  stage?: string;
}

export interface CaseTraceEntry {
  action: string;
  fromState?: string | null;
  toState?: string | null;
  at: string;
  actor: string;
  role: string;
  departmentKey?: string | null;
  opinion?: string | null;
}

export interface CaseDto {
  id: string;
  number: string;
  state: string;
  version: number;
  source: string;
  category: { id: string; code: string; nameZh: string; nameEn: string };
  condition?: { id: string; nameZh: string; nameEn: string } | null;
  department?: DepartmentRef | null;
  longitude: number;
  latitude: number;
  description: string;
  reportedBy: string;
  reportedAt: string;
  updatedAt: string;
  needsManualDispatch?: boolean;
  photos: CasePhoto[];
  trace: CaseTraceEntry[];
}

export interface DepartmentBoard {
  department: DepartmentRef;
  cases: CaseSummary[];
}

export interface CommandBoard {
  counts: Record<string, number>;
  cases: CaseSummary[];
}
