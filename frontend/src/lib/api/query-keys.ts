/**
 * Query keys of the data several faces share. One fetcher and one key per resource, so that a
 * cached answer serves every face and an invalidation reaches all of them.
 */
import type { GridLevel } from '@/lib/api-types';

export const sharedKeys = {
  categories: ['categories'] as const,
  departments: ['departments'] as const,
  /** Handlers of a department and its sub-units, for 内部派遣. */
  departmentHandlers: (key: string) => ['departments', key, 'handlers'] as const,
  /** Grid nodes of one level in force today. */
  gridList: (level: GridLevel) => ['grids', 'list', level] as const,
  /** A case's detail, every version of it (the version is appended by useCase). */
  caseDetail: (id: string) => ['cases', 'detail', id] as const,
  /** The action table: which fields each case action takes; labels come in both languages. */
  caseActions: ['case-actions'] as const,
  /** The working calendar with its warnings (the app shell's banner and the administrator's calendar tab). */
  calendar: ['calendar'] as const,
  /** On-site tasks (核实, 核查) of the signed-in patroller or shift leader. */
  onSiteTasks: ['cases', 'tasks'] as const,
};
