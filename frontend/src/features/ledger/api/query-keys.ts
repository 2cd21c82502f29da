export const ledgerKeys = {
  all: ['ledger'] as const,
  search: (query: string) => ['ledger', 'search', query] as const,
  views: ['ledger', 'views'] as const,
  templates: ['ledger', 'templates'] as const,
  exportJob: (id: string) => ['ledger', 'export', id] as const,
};
