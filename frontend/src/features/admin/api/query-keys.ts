/** Query keys of the administrator's face; mutations invalidate by these prefixes. */
export const adminKeys = {
  rules: ['admin', 'routing-rules'] as const,
  rulesList: (categoryId: string | undefined, includeRetired: boolean) =>
    ['admin', 'routing-rules', { categoryId: categoryId ?? null, includeRetired }] as const,
  dryRun: (params: object) => ['admin', 'routing-dry-run', params] as const,
  deadLetters: ['admin', 'dead-letters'] as const,
  deadLetterList: (status: string) => ['admin', 'dead-letters', status] as const,
  accounts: ['admin', 'accounts'] as const,
  patrolGrids: ['admin', 'patrol-grids'] as const,
  patrollers: ['admin', 'patrollers'] as const,
  unitGridLayer: ['admin', 'unit-grid-layer'] as const,
};
