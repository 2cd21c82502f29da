import { useQuery } from '@tanstack/react-query';
import type { CaseDto } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';
import { SERVER_TEXT } from '@/lib/query-client';

/** Every cached version of one case. */
export const caseQueryKey = sharedKeys.caseDetail;

export function getCase(id: string, signal?: AbortSignal): Promise<CaseDto> {
  return http<CaseDto>(`/api/cases/${encodeURIComponent(id)}`, { signal });
}

/**
 * Reloaded when the row's version moves, so the drawer never shows an older case than the board,
 * and when the UI language changes (its trace lines are rendered by the server).
 */
export function useCase(id: string | null, version?: number) {
  return useQuery({
    queryKey: [...caseQueryKey(id ?? ''), version ?? 0],
    queryFn: ({ signal }) => getCase(id!, signal),
    enabled: !!id,
    meta: SERVER_TEXT,
    placeholderData: (previous) => (previous && previous.id === id ? previous : undefined),
  });
}
