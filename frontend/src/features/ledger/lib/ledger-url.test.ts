import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiQuery,
  DEFAULT_SORT,
  dayOf,
  dayStart,
  nextSort,
  readLedgerUrl,
  withFilter,
  writeLedgerUrl,
} from '@/features/ledger/lib/ledger-url';

describe('ledger URL state', () => {
  it('reads filters, sort, columns and the open case, and writes them back unchanged', () => {
    const search = new URLSearchParams('q=井盖&state=Handling,Suspended&overdue=true&sort=closedAt&cols=number,state&case=abc');
    const state = readLedgerUrl(search);

    expect(state.filters).toEqual({ q: '井盖', state: 'Handling,Suspended', overdue: 'true' });
    expect(state.sort).toBe('closedAt');
    expect(state.columns).toEqual(['number', 'state']);
    expect(state.openCase).toBe('abc');
    expect(readLedgerUrl(writeLedgerUrl(state))).toEqual(state);
  });

  it('ignores parameters it does not know and blank values, and defaults the sort', () => {
    const state = readLedgerUrl(new URLSearchParams('q=%20%20&evil=1&limit=5'));
    expect(state).toEqual({ filters: {}, sort: DEFAULT_SORT, columns: [], openCase: null });
    expect(writeLedgerUrl(state).toString()).toBe('');
  });

  it('gives the API only filters and sort', () => {
    const state = readLedgerUrl(new URLSearchParams('source=hotline&cols=number&case=x&sort=number'));
    expect(apiQuery(state)).toBe('source=hotline&sort=number');
  });

  it('sets and clears one filter; clearing the department clears its role', () => {
    let state = readLedgerUrl(new URLSearchParams('department=xs-traffic&departmentRole=lead'));
    state = withFilter(state, 'state', ['Closed', 'Archived']);
    expect(state.filters.state).toBe('Closed,Archived');
    state = withFilter(state, 'department', '');
    expect(state.filters).toEqual({ state: 'Closed,Archived' });
    expect(activeFilterCount(state.filters)).toBe(1);
  });

  it('cycles a column sort ascending, descending, default', () => {
    expect(nextSort(DEFAULT_SORT, 'number')).toBe('number');
    expect(nextSort('number', 'number')).toBe('-number');
    expect(nextSort('-number', 'number')).toBe(DEFAULT_SORT);
  });

  it('turns a picked day into the instant that starts it in China time', () => {
    expect(dayStart('2026-12-01')).toBe('2026-12-01T00:00:00+08:00');
    expect(dayOf('2026-12-01T00:00:00+08:00')).toBe('2026-12-01');
  });
});
