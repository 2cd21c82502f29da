import { useMutation, useQuery } from '@tanstack/react-query';
import type { ExportJob } from '@/features/ledger/api/types';
import { ledgerKeys } from '@/features/ledger/api/query-keys';
import { http } from '@/lib/http';

export type ExportFormat = 'xlsx' | 'csv';

/** The streamed download of a filtered list: a plain link, so the browser saves it as it arrives. */
export function exportUrl(query: string, format: ExportFormat, columns: readonly string[]): string {
  const search = new URLSearchParams(query);
  search.set('format', format);
  if (columns.length > 0) search.set('columns', columns.join(','));
  return `/api/cases/export?${search.toString()}`;
}

export interface StartExportInput {
  query: string;
  format: ExportFormat;
  columns?: readonly string[];
  template?: string;
}

export function useStartExport() {
  return useMutation({
    mutationFn: ({ query, format, columns, template }: StartExportInput) => {
      const search = new URLSearchParams(query);
      search.set('format', format);
      if (columns && columns.length > 0) search.set('columns', columns.join(','));
      if (template) search.set('template', template);
      return http<ExportJob>(`/api/ledger/exports?${search.toString()}`, { method: 'POST' });
    },
  });
}

/** Polls a background export every second until it is ready or failed. */
export function useExportJob(id: string | null) {
  return useQuery({
    queryKey: ledgerKeys.exportJob(id ?? ''),
    queryFn: ({ signal }) => http<ExportJob>(`/api/ledger/exports/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 1000),
  });
}

export function exportFileUrl(id: string): string {
  return `/api/ledger/exports/${encodeURIComponent(id)}/file`;
}
