import { useQuery } from '@tanstack/react-query';
import type { CaseActionSpec } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export function listCaseActions(signal?: AbortSignal): Promise<CaseActionSpec[]> {
  return http<CaseActionSpec[]>('/api/case-actions', { signal });
}

/**
 * The server's action table: what each case action asks for and its labels in both languages. It
 * changes only with a release, so it is read once per session (sign-out clears the cache).
 */
export function useCaseActions(enabled = true) {
  return useQuery({
    queryKey: sharedKeys.caseActions,
    queryFn: ({ signal }) => listCaseActions(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    enabled,
  });
}
