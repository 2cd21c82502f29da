import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedLedger } from '@/features/ledger/api/types';
import { ledgerKeys } from '@/features/ledger/api/query-keys';
import { http } from '@/lib/http';

export interface SavedLedgerInput {
  name: string;
  query: string;
  columns: string[];
}

export function useSavedViews() {
  return useQuery({ queryKey: ledgerKeys.views, queryFn: ({ signal }) => http<SavedLedger[]>('/api/ledger/views', { signal }) });
}

export function useLedgerTemplates() {
  return useQuery({ queryKey: ledgerKeys.templates, queryFn: ({ signal }) => http<SavedLedger[]>('/api/ledger/templates', { signal }) });
}

export function useSaveView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedLedgerInput) => http<SavedLedger>('/api/ledger/views', { json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKeys.views }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(`/api/ledger/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKeys.views }),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedLedgerInput) => http<SavedLedger>('/api/admin/ledger-templates', { json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKeys.templates }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(`/api/admin/ledger-templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKeys.templates }),
  });
}
