/**
 * The departments tab's rules that need no screen: what the form sends, and how a refusal to
 * retire reads (the server lists what still points at the department, capped, with counts).
 */
import type { AdminDepartment, DepartmentRequest } from '@/lib/api-types';
import { ApiError } from '@/lib/http';

export const DEPARTMENT_FIELDS = [
  'key',
  'nameZh',
  'nameEn',
  'kind',
  'level',
  'jurisdictionCodes',
  'contactPhone',
  'dutyPhone',
  'parentKey',
] as const;
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];

export interface DepartmentFormValues {
  key?: string;
  nameZh?: string;
  nameEn?: string;
  kind?: string;
  level?: string | null;
  jurisdictionCodes?: string[];
  contactPhone?: string;
  dutyPhone?: string;
  parentKey?: string | null;
}

export function formValuesOf(department: AdminDepartment): DepartmentFormValues {
  return {
    key: department.key,
    nameZh: department.nameZh,
    nameEn: department.nameEn === department.nameZh ? '' : department.nameEn,
    kind: department.kind,
    level: department.level,
    jurisdictionCodes: [...department.jurisdictionCodes],
    contactPhone: department.contactPhone ?? '',
    dutyPhone: department.dutyPhone ?? '',
    parentKey: department.parentKey ?? null,
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The request body: empty texts are left out (null), an edit carries the version it was made from. */
export function departmentRequest(values: DepartmentFormValues, version?: number): DepartmentRequest {
  return {
    key: version === undefined ? text(values.key) : null,
    nameZh: text(values.nameZh),
    nameEn: text(values.nameEn),
    kind: text(values.kind),
    level: text(values.level),
    jurisdictionCodes: values.jurisdictionCodes ?? [],
    contactPhone: text(values.contactPhone),
    dutyPhone: text(values.dutyPhone),
    parentKey: text(values.parentKey),
    version: version ?? null,
  };
}

/** Field errors on list items (`jurisdictionCodes[1]`) belong to the list's field in the form. */
export function foldItemErrors(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(error.errors)) {
    const field = name.replace(/\[\d+\]$/, '');
    errors[field] = [...(errors[field] ?? []), ...messages];
  }
  return new ApiError(error.status, error.title, error.detail, errors, error.problem);
}

export interface BlockerGroup {
  kind: 'openCases' | 'assistingCases' | 'rules' | 'accounts' | 'subUnits';
  count: number;
  items: string[];
}

interface BlockerList {
  count?: number;
  items?: unknown[];
}

function itemText(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    if (typeof record.userName === 'string') return record.displayName ? `${String(record.displayName)}（${record.userName}）` : record.userName;
    if (typeof record.name === 'string') return record.name;
  }
  return String(item);
}

/** What a refused retirement lists, group by group (empty groups left out); null for any other answer. */
export function retireBlockers(error: unknown): BlockerGroup[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const blockers = error.problem.blockers as Record<string, BlockerList> | undefined;
  if (!blockers) return null;
  const kinds: BlockerGroup['kind'][] = ['openCases', 'assistingCases', 'rules', 'accounts', 'subUnits'];
  return kinds
    .map((kind) => ({ kind, count: blockers[kind]?.count ?? 0, items: (blockers[kind]?.items ?? []).map(itemText) }))
    .filter((group) => group.count > 0);
}

/** A stale edit: the server's current record and version, to show and to edit again from. */
export function staleEdit(error: unknown): { currentVersion: string; current: AdminDepartment | null } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.problem.currentVersion === undefined) return null;
  return {
    currentVersion: String(error.problem.currentVersion),
    current: (error.problem.current as AdminDepartment | undefined) ?? null,
  };
}

/** Departments that may be chosen as the parent of `key`: in service, not itself, not under it. */
export function parentChoices(departments: readonly AdminDepartment[], key: string | undefined): AdminDepartment[] {
  if (!key) return departments.filter((department) => !department.retired);
  const parentOf = new Map(departments.map((department) => [department.key, department.parentKey ?? null]));
  const isUnder = (candidate: string) => {
    const seen = new Set<string>();
    for (let current: string | null = candidate; current && !seen.has(current); current = parentOf.get(current) ?? null) {
      if (current === key) return true;
      seen.add(current);
    }
    return false;
  };
  return departments.filter((department) => !department.retired && !isUnder(department.key));
}
