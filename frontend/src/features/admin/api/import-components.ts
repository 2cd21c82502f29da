import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { ComponentImportResult } from '@/lib/api-types';
import { http } from '@/lib/http';

/** Sends a census file as it is: CSV, or GeoJSON by its extension. All of it is stored or none of it. */
export function importComponents(file: File): Promise<ComponentImportResult> {
  const geo = /\.(geo)?json$/i.test(file.name);
  return http<ComponentImportResult>('/api/admin/components/import', {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': geo ? 'application/geo+json' : 'text/csv' },
  });
}

export function useImportComponents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importComponents,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.components }),
  });
}
