import type { PatrolGrid } from '@/lib/api-types';

/** Colours of the map: a grid someone walks, and one whose on-site tasks go to a fallback (highlighted). */
export const ON_DUTY_COLOR = '#52c41a';
export const NOBODY_COLOR = '#f5222d';

/** The responsibility grid of each unit grid, for colouring and clicking unit grids on the map. */
export function gridsByUnit(grids: readonly PatrolGrid[]): Map<string, PatrolGrid> {
  const byUnit = new Map<string, PatrolGrid>();
  for (const grid of grids) for (const unit of grid.unitGridCodes) byUnit.set(unit, grid);
  return byUnit;
}

export type DutyFilter = 'all' | 'nobody' | 'on-duty';

/** Grids matching a search text (code, name, street, patroller, responsible person) and the duty filter. */
export function filterGrids(grids: readonly PatrolGrid[], text: string, duty: DutyFilter): PatrolGrid[] {
  const needle = text.trim().toLowerCase();
  return grids.filter((grid) => {
    if (duty === 'nobody' && grid.onDuty) return false;
    if (duty === 'on-duty' && !grid.onDuty) return false;
    if (!needle) return true;
    const haystack = [
      grid.code,
      grid.name,
      grid.streetName ?? '',
      grid.communityName ?? '',
      grid.responsiblePerson?.name ?? '',
      ...grid.patrollers.flatMap((p) => [p.userName, p.displayName]),
    ]
      .join(' ')
      .toLowerCase();
    return haystack.includes(needle);
  });
}

export interface DutySummary {
  total: number;
  onDuty: number;
  nobody: number;
}

export function dutySummary(grids: readonly PatrolGrid[]): DutySummary {
  const onDuty = grids.filter((grid) => grid.onDuty).length;
  return { total: grids.length, onDuty, nobody: grids.length - onDuty };
}

/** The body of PUT /api/admin/grids/responsibility/{code}: the whole assignment and the version it was made from. */
export function assignmentBody(
  grid: Pick<PatrolGrid, 'version'>,
  values: { patrollers?: string[]; responsibleName?: string; responsiblePhone?: string },
) {
  const name = values.responsibleName?.trim() ?? '';
  const phone = values.responsiblePhone?.trim() ?? '';
  return {
    patrollers: values.patrollers ?? [],
    responsiblePerson: name ? { name, phone: phone || null } : null,
    version: grid.version,
  };
}
