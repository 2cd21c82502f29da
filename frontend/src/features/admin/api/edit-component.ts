import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { ComponentEditRequest, ComponentRecord } from '@/lib/api-types';
import { http } from '@/lib/http';

export function editComponent({ id, request }: { id: string; request: ComponentEditRequest }): Promise<ComponentRecord> {
  return http<ComponentRecord>(`/api/admin/components/${encodeURIComponent(id)}`, { method: 'PUT', json: request });
}

export function useEditComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editComponent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.components }),
  });
}
