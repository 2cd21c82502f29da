import type { Account, AccountEditRequest, AccountCreateRequest } from '@/lib/api-types';
import { scopeKind } from '@/features/admin/lib/grid-scope';

/** Every role an account may hold, in the order the form offers them. */
export const ROLES = ['patroller', 'acceptor', 'shift-leader', 'dispatcher', 'handler', 'leader', 'admin'] as const;

export const PAGE_SIZE = 50;

/** What the list is filtered by; empty values are left out of the request. */
export interface AccountFilters {
  q?: string;
  role?: string;
  department?: string;
  /** 'enabled' | 'disabled'; undefined: both. */
  state?: 'enabled' | 'disabled';
  page: number;
  pageSize: number;
}

/** The query string of GET /api/admin/users for the filters. */
export function accountsQuery(filters: AccountFilters): string {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  if (filters.role) params.set('role', filters.role);
  if (filters.department) params.set('department', filters.department);
  if (filters.state) params.set('disabled', String(filters.state === 'disabled'));
  params.set('page', String(filters.page));
  params.set('pageSize', String(filters.pageSize));
  return params.toString();
}

export type AccountStatus = 'disabled' | 'locked' | 'mustChange' | 'active';

/** The one state a row shows first: disabled outweighs a lockout, which outweighs a pending password change. */
export function accountStatus(account: Pick<Account, 'disabled' | 'lockedOut' | 'passwordChangeRequired'>): AccountStatus {
  if (account.disabled) return 'disabled';
  if (account.lockedOut) return 'locked';
  if (account.passwordChangeRequired) return 'mustChange';
  return 'active';
}

export function needsDepartment(roles: readonly string[] | undefined): boolean {
  return !!roles?.includes('handler');
}

/** Command-centre roles take any grid node as scope; a patroller takes a street as its supervisor. */
export function takesScope(roles: readonly string[] | undefined): boolean {
  return scopeKind(roles) !== null;
}

/** The fields of the account form, as antd holds them. */
export interface AccountFormValues {
  userName?: string;
  displayName?: string;
  roles?: string[];
  departmentKey?: string | null;
  gridScope?: string | null;
  phone?: string | null;
  password?: string;
}

/** The form's field names: problems the server names for these land on the field. */
export const ACCOUNT_FIELDS = ['userName', 'displayName', 'roles', 'departmentKey', 'gridScope', 'phone', 'password'] as const;

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The department and the scope go only with the roles that take them: a field the form hides after a
 * role was unticked must not be sent.
 */
function shared(values: AccountFormValues) {
  const roles = values.roles ?? [];
  return {
    displayName: values.displayName?.trim() ?? '',
    roles,
    departmentKey: needsDepartment(roles) ? blankToNull(values.departmentKey) : null,
    gridScope: takesScope(roles) ? blankToNull(values.gridScope) : null,
    phone: blankToNull(values.phone),
  };
}

export function createRequest(values: AccountFormValues): AccountCreateRequest {
  return { userName: values.userName?.trim() ?? '', password: values.password ?? '', ...shared(values) };
}

export function editRequest(values: AccountFormValues, version: string): AccountEditRequest {
  return { ...shared(values), version };
}

export function formValuesOf(account: Account): AccountFormValues {
  return {
    userName: account.userName,
    displayName: account.displayName,
    roles: [...account.roles],
    departmentKey: account.departmentKey ?? null,
    gridScope: account.gridScope ?? null,
    phone: account.phone ?? null,
  };
}

/**
 * A password the administrator can pass on, meeting the server's policy (8+ characters with a digit,
 * a lower and an upper case letter): the person replaces it at the first sign-in anyway.
 */
export function suggestPassword(random: (n: number) => number = (n) => crypto.getRandomValues(new Uint32Array(1))[0]! % n): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const digits = '23456789';
  const pick = (set: string) => set[random(set.length)]!;
  const chars = [pick(upper), pick(lower), pick(digits)];
  const all = upper + lower + digits;
  while (chars.length < 12) chars.splice(random(chars.length + 1), 0, pick(all));
  const text = chars.join('');
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}
