import { describe, expect, it } from 'vitest';
import {
  ancestry,
  chinaToday,
  childKind,
  drillInto,
  drillUpTo,
  periodQuery,
  readEvaluationUrl,
  withObject,
  writeEvaluationUrl,
} from '@/features/evaluation/lib/evaluation-url';
import { byCode, casesIndicator } from '@/features/evaluation/lib/indicators';
import { indicators } from '@/features/evaluation/lib/fixtures';

describe('evaluation URL', () => {
  it('reads what it writes', () => {
    const url = 'tab=reports&period=custom&from=2026-10-01&to=2026-10-15&object=community&parent=450304001&figures=counts&selected=450304001002&drill=*&indicator=closed';
    const state = readEvaluationUrl(new URLSearchParams(url));
    expect(state).toEqual({
      tab: 'reports',
      period: { kind: 'custom', date: null, from: '2026-10-01', to: '2026-10-15' },
      object: 'community',
      parent: '450304001',
      figures: 'counts',
      selected: '450304001002',
      drill: { key: null, indicator: 'closed' },
    });
    expect(writeEvaluationUrl(state).toString()).toBe(url);
  });

  it('falls back to this month of departments and drops what does not fit', () => {
    const state = readEvaluationUrl(new URLSearchParams('period=fortnight&date=yesterday&object=planet&parent=450304'));
    expect(state.period).toEqual({ kind: 'month', date: null, from: null, to: null });
    expect(state.object).toBe('department');
    // A parent narrows region kinds only.
    expect(state.parent).toBeNull();
  });

  it('drills district → street → community → unit and stops there; the breadcrumb goes back up', () => {
    const start = readEvaluationUrl(new URLSearchParams('object=district&selected=450304&drill=450304&indicator=closed'));
    const streets = drillInto(start, '450304');
    expect([streets.object, streets.parent, streets.selected, streets.drill]).toEqual(['street', '450304', null, null]);
    const communities = drillInto(streets, '450304001');
    const units = drillInto(communities, '450304001002');
    expect([units.object, units.parent]).toEqual(['unit', '450304001002']);
    expect(drillInto(units, '450304001002003')).toBe(units);
    expect(ancestry(units.parent)).toEqual(['450304', '450304001', '450304001002']);
    expect([drillUpTo(units, '450304').object, drillUpTo(units, '450304').parent]).toEqual(['street', '450304']);
    expect([drillUpTo(units, null).object, drillUpTo(units, null).parent]).toEqual(['district', null]);
    expect(childKind('department')).toBeNull();
    expect(withObject(units, 'category').parent).toBeNull();
  });

  it('asks the API for a custom range only when both ends are set', () => {
    expect(periodQuery({ kind: 'custom', date: null, from: '2026-10-01', to: '2026-10-15' }).toString()).toBe(
      'period=custom&from=2026-10-01&to=2026-10-15',
    );
    expect(periodQuery({ kind: 'custom', date: null, from: '2026-10-01', to: null }).toString()).toBe('period=month');
    expect(periodQuery({ kind: 'week', date: '2026-11-18', from: null, to: null }).toString()).toBe('period=week&date=2026-11-18');
  });

  it("takes today's date in China time", () => {
    // 23:30 UTC on 30 November is already 1 December in China.
    expect(chinaToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
  });
});

describe('casesIndicator', () => {
  it("lists a count's own cases, a rate's numerator cases, and nothing for an unknown numerator", () => {
    const definitions = byCode(indicators);
    expect(casesIndicator('handleDue', definitions)).toBe('handleDue');
    expect(casesIndicator('onTimeHandleRate', definitions)).toBe('handledOnTime');
    expect(casesIndicator('closeRate', definitions)).toBeNull();
  });
});
