import { describe, expect, it } from 'vitest';
import { assignedTo, filterCases, NO_FILTER } from '@/features/board/components/case-filters';
import { aCaseSummary } from '@/testing/case-summary';

const now = Date.parse('2026-03-02T03:00:00Z');

describe('filterCases', () => {
  const signed = aCaseSummary({ state: 'Handling', light: 'Green', nextDeadline: '2026-03-02T06:00:00Z', description: 'pothole' });
  const late = aCaseSummary({ state: 'Dispatched', light: 'Yellow', nextDeadline: '2026-03-02T02:00:00Z' });
  const waiting = aCaseSummary({ state: 'Dispatched', light: null, nextDeadline: null });
  const cases = [signed, late, waiting];

  it('keeps everything without a filter', () => {
    expect(filterCases(cases, NO_FILTER, now)).toEqual(cases);
  });

  it('filters by state and by the light shown now, a passed deadline counting as red', () => {
    expect(filterCases(cases, { ...NO_FILTER, states: ['Dispatched'] }, now)).toEqual([late, waiting]);
    expect(filterCases(cases, { ...NO_FILTER, lights: ['Red'] }, now)).toEqual([late]);
    expect(filterCases(cases, { ...NO_FILTER, lights: ['none', 'Green'] }, now)).toEqual([signed, waiting]);
  });

  it('finds words in number, category and description', () => {
    expect(filterCases(cases, { ...NO_FILTER, text: 'POTHOLE' }, now)).toEqual([signed]);
    expect(filterCases(cases, { ...NO_FILTER, text: `${late.number}` }, now)).toEqual([late]);
    expect(filterCases(cases, { ...NO_FILTER, text: '乱停放 0505' }, now)).toEqual(cases);
  });
});

describe('assignedTo', () => {
  it('keeps the cases given to the signed-in handler by name, and none without a name', () => {
    const mine = aCaseSummary({ id: 'a', assigneeUserName: 'traffic.b' });
    const theirs = aCaseSummary({ id: 'b', assigneeUserName: 'handler.xs-traffic' });
    const nobody = aCaseSummary({ id: 'c', assigneeUserName: null });

    expect(assignedTo([mine, theirs, nobody], 'traffic.b')).toEqual([mine]);
    expect(assignedTo([mine, theirs, nobody], undefined)).toEqual([]);
  });
});
