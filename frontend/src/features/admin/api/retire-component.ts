import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { ComponentRecord } from '@/lib/api-types';
import { http } from '@/lib/http';

/** Retires a component from the inventory, or restores it. */
export function retireComponent({ id, retire }: { id: string; retire: boolean }): Promise<ComponentRecord> {
  return http<ComponentRecord>(`/api/admin/components/${encodeURIComponent(id)}/${retire ? 'retire' : 'restore'}`, { method: 'POST' });
}

export function useRetireComponent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireComponent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.components }),
  });
}
