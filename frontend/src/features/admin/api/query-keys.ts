/** Query keys of the administrator's face; mutations invalidate by these prefixes. */
export const adminKeys = {
  rules: ['admin', 'routing-rules'] as const,
  rulesList: (categoryId: string | undefined, includeRetired: boolean) =>
    ['admin', 'routing-rules', { categoryId: categoryId ?? null, includeRetired }] as const,
  dryRun: (params: object) => ['admin', 'routing-dry-run', params] as const,
  deadLetters: ['admin', 'dead-letters'] as const,
  deadLetterList: (status: string) => ['admin', 'dead-letters', status] as const,
  accounts: ['admin', 'accounts'] as const,
  audit: ['admin', 'audit'] as const,
  auditList: (filter: object) => ['admin', 'audit', filter] as const,
  accountList: (filters: object) => ['admin', 'accounts', filters] as const,
  departments: ['admin', 'departments'] as const,
  departmentKinds: ['admin', 'department-kinds'] as const,
  catalogue: ['admin', 'catalogue'] as const,
  areaLimits: (conditionId: string) => ['admin', 'catalogue', 'limits', conditionId] as const,
  components: ['admin', 'components'] as const,
  componentList: (filters: object) => ['admin', 'components', 'list', filters] as const,
  intactRates: (filters: object) => ['admin', 'components', 'intact-rates', filters] as const,
  patrolGrids: ['admin', 'patrol-grids'] as const,
  patrollers: ['admin', 'patrollers'] as const,
  unitGridLayer: ['admin', 'unit-grid-layer'] as const,
  open311Keys: ['admin', 'open311-keys'] as const,
};
