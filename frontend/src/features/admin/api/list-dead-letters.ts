import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { DeadLetterList, DeadLetterStatus } from '@/lib/api-types';
import { http } from '@/lib/http';

export type DeadLetterFilter = DeadLetterStatus | 'all';

export function listDeadLetters(status: DeadLetterFilter, signal?: AbortSignal): Promise<DeadLetterList> {
  return http<DeadLetterList>(`/api/admin/dead-letters?status=${encodeURIComponent(status)}`, { signal });
}

export function useDeadLetters(status: DeadLetterFilter, enabled = true) {
  return useQuery({
    queryKey: adminKeys.deadLetterList(status),
    queryFn: ({ signal }) => listDeadLetters(status, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
