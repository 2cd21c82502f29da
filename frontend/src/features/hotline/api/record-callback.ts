import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hotlineKeys } from '@/features/hotline/api/query-keys';
import type { CaseDto } from '@/lib/api-types';
import { caseQueryKey } from '@/lib/api/get-case';
import { http } from '@/lib/http';

export interface CallbackRecord {
  caseId: string;
  /** The version the acceptor saw: a case that moved on meanwhile is a 409. */
  version: number;
  satisfied: boolean;
  /** The caller's words; required when not satisfied. */
  opinion: string;
}

/** POST /api/cases/{id}/callback: satisfied archives the case, not satisfied sends it back to its department for rework. */
export function recordCallback({ caseId, version, satisfied, opinion }: CallbackRecord): Promise<CaseDto> {
  const words = opinion.trim();
  return http<CaseDto>(`/api/cases/${encodeURIComponent(caseId)}/callback`, {
    method: 'POST',
    json: { expectedVersion: version, satisfied, ...(words ? { opinion: words } : {}) },
  });
}

export function useRecordCallback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordCallback,
    onSuccess: (updated) => {
      queryClient.setQueryData([...caseQueryKey(updated.id), updated.version], updated);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: hotlineKeys.callbacks }),
  });
}
