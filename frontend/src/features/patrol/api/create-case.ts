import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseDto } from '@/lib/api-types';
import { http } from '@/lib/http';
import { myCasesQueryKey } from '@/features/patrol/api/list-my-cases';

export interface CaseDraft {
  categoryId: string;
  conditionId?: string;
  longitude: number;
  latitude: number;
  description: string;
  photos: readonly File[];
}

export const MAX_PHOTOS = 5;
export const MAX_DESCRIPTION_LENGTH = 2000;

export function toFormData(draft: CaseDraft): FormData {
  const form = new FormData();
  form.append('categoryId', String(draft.categoryId));
  if (draft.conditionId !== undefined && draft.conditionId !== null) form.append('conditionId', String(draft.conditionId));
  form.append('longitude', draft.longitude.toFixed(7));
  form.append('latitude', draft.latitude.toFixed(7));
  form.append('description', draft.description);
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}

/** POST /api/cases as multipart; the key makes a retried request return the first case. */
export function createCase(draft: CaseDraft, idempotencyKey: string): Promise<CaseDto> {
  return http<CaseDto>('/api/cases', {
    method: 'POST',
    body: toFormData(draft),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, idempotencyKey }: { draft: CaseDraft; idempotencyKey: string }) =>
      createCase(draft, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCasesQueryKey }),
  });
}
