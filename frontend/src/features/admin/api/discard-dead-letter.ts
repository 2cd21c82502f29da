import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { DeadLetter } from '@/lib/api-types';
import { http } from '@/lib/http';

export function discardDeadLetter(id: string): Promise<DeadLetter> {
  return http<DeadLetter>(`/api/admin/dead-letters/${encodeURIComponent(id)}/discard`, { method: 'POST' });
}

export function useDiscardDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardDeadLetter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.deadLetters }),
  });
}
