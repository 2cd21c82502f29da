import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseActionSpec, CaseDto } from '@/lib/api-types';
import { caseQueryKey } from '@/lib/api/get-case';
import { actionBody, type ActionValues } from '@/lib/case-actions';
import { http } from '@/lib/http';

export interface CaseActionRequest {
  caseId: string;
  /** The action's row of the server's action table: which answers go in the body. */
  spec: CaseActionSpec;
  /** The version the user saw: if the case moved on meanwhile, the server answers 409. */
  version: number;
  values: ActionValues;
  photos?: readonly File[];
}

/** POST /api/cases/{id}/{action}: JSON, or a multipart form when photos go with it. */
export function takeCaseAction({ caseId, spec, version, values, photos = [] }: CaseActionRequest): Promise<CaseDto> {
  const path = `/api/cases/${encodeURIComponent(caseId)}/${encodeURIComponent(spec.action)}`;
  const body = actionBody(spec, values, version);
  if (photos.length === 0) return http<CaseDto>(path, { method: 'POST', json: body });
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    // A list is one form field per item (a form cannot say "empty list": actions with photos take none).
    if (Array.isArray(value)) for (const item of value) form.append(key, String(item));
    else form.append(key, String(value));
  }
  for (const photo of photos) form.append('photos', photo, photo.name);
  return http<CaseDto>(path, { method: 'POST', body: form });
}

/** The answer is the case as it is now, with the actions offered next: it goes straight into the cache. */
export function useTakeCaseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: takeCaseAction,
    onSuccess: (updated) => {
      queryClient.setQueryData([...caseQueryKey(updated.id), updated.version], updated);
    },
    onError: (_error, request) => queryClient.invalidateQueries({ queryKey: caseQueryKey(request.caseId) }),
  });
}
