/**
 * The ledger's state lives in the URL, so a list can be shared as a link and the back button undoes a filter.
 * Filter and sort parameters are the API's own (`GET /api/cases`); `cols` (shown columns) and `case` (the open
 * drawer) belong to the page only.
 */

/** The filters of `GET /api/cases`, in the order the filter bar shows them. */
export const FILTER_KEYS = [
  'q',
  'period',
  'from',
  'to',
  'state',
  'light',
  'source',
  'category',
  'condition',
  'grid',
  'department',
  'departmentRole',
  'reporter',
  'overdue',
  'escalated',
  'reworked',
  'extended',
  'suspended',
  'component',
] as const;

export type FilterKey = (typeof FILTER_KEYS)[number];
export const LIST_KEYS = new Set<FilterKey>(['state', 'light', 'source', 'category']);
export const FLAG_KEYS = ['overdue', 'escalated', 'reworked', 'extended', 'suspended'] as const;

export type LedgerFilters = Partial<Record<FilterKey, string>>;

export interface LedgerUrlState {
  filters: LedgerFilters;
  sort: string;
  /** Column keys in display order; empty means the default set. */
  columns: string[];
  /** The case whose drawer is open. */
  openCase: string | null;
}

export const DEFAULT_SORT = '-reportedAt';

export function readLedgerUrl(search: URLSearchParams): LedgerUrlState {
  const filters: LedgerFilters = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const columns = (search.get('cols') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return { filters, sort: search.get('sort') || DEFAULT_SORT, columns, openCase: search.get('case') || null };
}

export function writeLedgerUrl(state: LedgerUrlState): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state.filters[key]?.trim();
    if (value) search.set(key, value);
  }
  if (state.sort && state.sort !== DEFAULT_SORT) search.set('sort', state.sort);
  if (state.columns.length > 0) search.set('cols', state.columns.join(','));
  if (state.openCase) search.set('case', state.openCase);
  return search;
}

/** The query string the API takes: filters and sort, nothing of the page's own. */
export function apiQuery(state: Pick<LedgerUrlState, 'filters' | 'sort'>): string {
  return writeLedgerUrl({ filters: state.filters, sort: state.sort, columns: [], openCase: null }).toString();
}

/** Sets one filter (an empty value removes it), keeping the rest of the state. */
export function withFilter(state: LedgerUrlState, key: FilterKey, value: string | string[] | null | undefined): LedgerUrlState {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  const filters = { ...state.filters };
  if (text.trim()) filters[key] = text.trim();
  else delete filters[key];
  if (key === 'department' && !filters.department) delete filters.departmentRole;
  return { ...state, filters };
}

export function listValue(filters: LedgerFilters, key: FilterKey): string[] {
  return (filters[key] ?? '').split(',').filter(Boolean);
}

/** Clicking a column header: ascending, then descending, then back to the default order. */
export function nextSort(current: string, column: string): string {
  if (current === column) return `-${column}`;
  if (current === `-${column}`) return DEFAULT_SORT;
  return column;
}

/** A date picked in the browser (YYYY-MM-DD, China time) as the instant that starts it. */
export function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The YYYY-MM-DD part of an instant filter for a date input. */
export function dayOf(instant: string | undefined): string {
  return instant ? instant.slice(0, 10) : '';
}

/** The number of active filters, for the phone's filter button. */
export function activeFilterCount(filters: LedgerFilters): number {
  return FILTER_KEYS.filter((key) => key !== 'period' && key !== 'departmentRole' && filters[key]).length;
}
