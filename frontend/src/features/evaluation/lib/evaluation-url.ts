/**
 * The evaluation page's state lives in the URL, so a table can be shared as a link and the back button
 * undoes a drill-down: `tab`, `period`, `date` (or `from`/`to` for a custom period), `object`, `parent` (the
 * grid node whose children a region table lists), `figures` (rates, counts or all), `selected` (the row whose trend is drawn) and
 * `drill`/`indicator` (the number whose cases the drawer lists; `drill=*` is the totals row).
 */
import type { ObjectKind, PeriodKind } from '@/lib/evaluation-types';

export const OBJECT_KINDS: readonly ObjectKind[] = [
  'department',
  'district',
  'street',
  'community',
  'unit',
  'category',
  'patroller',
  'acceptor',
  'dispatcher',
  'shift-leader',
];

export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year', 'custom'];

export const REGION_KINDS: readonly ObjectKind[] = ['district', 'street', 'community', 'unit'];

/** The region kind one level down (district → street → community → unit), null below the unit grid. */
export function childKind(kind: ObjectKind): ObjectKind | null {
  const index = REGION_KINDS.indexOf(kind);
  return index >= 0 && index < REGION_KINDS.length - 1 ? REGION_KINDS[index + 1]! : null;
}

/** Grid code lengths (DOMAIN.md §1): a district has 6 digits and each level below appends three. */
const CODE_LENGTH: Partial<Record<ObjectKind, number>> = { district: 6, street: 9, community: 12, unit: 15 };

/** The region kind of a grid code, by its length. */
export function regionKindOf(code: string): ObjectKind | null {
  return (Object.entries(CODE_LENGTH).find(([, length]) => length === code.length)?.[0] as ObjectKind | undefined) ?? null;
}

/** The grid nodes above and including `parent`, outermost first: 450304001 → [450304, 450304001]. */
export function ancestry(parent: string | null): string[] {
  if (!parent) return [];
  const result: string[] = [];
  for (const length of [6, 9, 12]) if (parent.length >= length) result.push(parent.slice(0, length));
  return result;
}

export interface PeriodSelection {
  kind: PeriodKind;
  /** Any day inside the period (YYYY-MM-DD); null means today. */
  date: string | null;
  /** Custom periods only, both inclusive. */
  from: string | null;
  to: string | null;
}

export type EvaluationTab = 'league' | 'reports';

/** Which of the kind's figures the table shows: rates (the default; each opens its numerator's cases), counts, or both. */
export type FigureSet = 'rates' | 'counts' | 'all';
export const FIGURE_SETS: readonly FigureSet[] = ['rates', 'counts', 'all'];

export interface EvaluationUrlState {
  tab: EvaluationTab;
  period: PeriodSelection;
  object: ObjectKind;
  parent: string | null;
  figures: FigureSet;
  selected: string | null;
  drill: { key: string | null; indicator: string } | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const GRID = /^\d{6,15}$/;
const TOTAL = '*';

function day(value: string | null): string | null {
  return value && DAY.test(value) ? value : null;
}

export function readEvaluationUrl(search: URLSearchParams): EvaluationUrlState {
  const kind = (PERIOD_KINDS as readonly string[]).includes(search.get('period') ?? '') ? (search.get('period') as PeriodKind) : 'month';
  const object = (OBJECT_KINDS as readonly string[]).includes(search.get('object') ?? '') ? (search.get('object') as ObjectKind) : 'department';
  const parentValue = search.get('parent');
  const parent = parentValue && GRID.test(parentValue) && REGION_KINDS.includes(object) ? parentValue : null;
  const drillKey = search.get('drill');
  const indicator = search.get('indicator');
  return {
    tab: search.get('tab') === 'reports' ? 'reports' : 'league',
    period: {
      kind,
      date: kind === 'custom' ? null : day(search.get('date')),
      from: kind === 'custom' ? day(search.get('from')) : null,
      to: kind === 'custom' ? day(search.get('to')) : null,
    },
    object,
    parent,
    figures: (FIGURE_SETS as readonly string[]).includes(search.get('figures') ?? '') ? (search.get('figures') as FigureSet) : 'rates',
    selected: search.get('selected') || null,
    drill: drillKey && indicator ? { key: drillKey === TOTAL ? null : drillKey, indicator } : null,
  };
}

export function writeEvaluationUrl(state: EvaluationUrlState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.tab !== 'league') search.set('tab', state.tab);
  search.set('period', state.period.kind);
  if (state.period.kind === 'custom') {
    if (state.period.from) search.set('from', state.period.from);
    if (state.period.to) search.set('to', state.period.to);
  } else if (state.period.date) search.set('date', state.period.date);
  search.set('object', state.object);
  if (state.parent) search.set('parent', state.parent);
  if (state.figures !== 'rates') search.set('figures', state.figures);
  if (state.selected) search.set('selected', state.selected);
  if (state.drill) {
    search.set('drill', state.drill.key ?? TOTAL);
    search.set('indicator', state.drill.indicator);
  }
  return search;
}

/** Today in China time (the API's calendar), as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Adds the period parameters of the API to `search` (a custom period without both ends falls back to today's month). */
export function periodQuery(period: PeriodSelection, search: URLSearchParams = new URLSearchParams()): URLSearchParams {
  if (period.kind === 'custom') {
    if (period.from && period.to) {
      search.set('period', 'custom');
      search.set('from', period.from);
      search.set('to', period.to);
    } else search.set('period', 'month');
    return search;
  }
  search.set('period', period.kind);
  if (period.date) search.set('date', period.date);
  return search;
}

/** Choosing another object kind starts at its top level with nothing selected. */
export function withObject(state: EvaluationUrlState, object: ObjectKind): EvaluationUrlState {
  return { ...state, object, parent: null, selected: null, drill: null };
}

/** Opening a region row: its children's table, the row's trend kept on the parent. */
export function drillInto(state: EvaluationUrlState, key: string): EvaluationUrlState {
  const child = childKind(state.object);
  if (!child) return state;
  return { ...state, object: child, parent: key, selected: null, drill: null };
}

/** A breadcrumb step: the table of `code`'s children, or the districts for the root (null). */
export function drillUpTo(state: EvaluationUrlState, code: string | null): EvaluationUrlState {
  if (!code) return { ...state, object: 'district', parent: null, selected: null, drill: null };
  const kind = regionKindOf(code);
  const child = kind ? childKind(kind) : null;
  return child ? { ...state, object: child, parent: code, selected: null, drill: null } : state;
}
