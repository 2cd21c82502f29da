import { ApiError } from '@/lib/http';

/** The conditions the API names: census states, and what open cases add. */
export const COMPONENT_CONDITIONS = [
  'intact',
  'damaged',
  'missing',
  'abandoned',
  'removed',
  'reported_damaged',
  'under_repair',
] as const;

export function conditionColor(condition: string | null | undefined): string {
  switch (condition) {
    case 'intact':
      return 'green';
    case 'reported_damaged':
      return 'orange';
    case 'under_repair':
      return 'blue';
    case 'damaged':
    case 'missing':
      return 'red';
    default:
      return 'gray';
  }
}

export interface ImportProblem {
  key: string;
  /** "line 3" or "features[2]"; the whole file when the problem is not one row's. */
  row: string;
  field: string;
  message: string;
}

/**
 * The per-row report of a refused census: the server names each problem `line3.owner` (CSV) or
 * `features[2].properties.state` (GeoJSON); the row and the field are shown apart, in file order.
 */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const rows = Object.entries(error.errors).map(([key, messages]) => {
    const csv = /^line(\d+)(?:\.(.+))?$/.exec(key);
    const geo = /^(features\[\d+\])(?:\.properties)?(?:\.(.+))?$/.exec(key);
    const row = csv ? `line ${csv[1]}` : (geo?.[1] ?? '');
    const field = (csv ? csv[2] : geo ? geo[2] : key) ?? '';
    const order = csv ? Number(csv[1]) : geo ? Number(/\d+/.exec(row)?.[0] ?? 0) : -1;
    return { key, row, field, message: messages.join(' '), order };
  });
  return rows.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key)).map(({ order: _order, ...rest }) => rest);
}
