import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { DeadLetter } from '@/lib/api-types';
import { http } from '@/lib/http';

/** Publishes the failed message again under a new id; consumers' inboxes make a repeat harmless. */
export function replayDeadLetter(id: string): Promise<DeadLetter> {
  return http<DeadLetter>(`/api/admin/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' });
}

/** Every status list and the open count change: reload them all, after a 409 too. */
export function useReplayDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replayDeadLetter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.deadLetters }),
  });
}
