import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeskSource } from '@/features/hotline/api/types';
import type { CaseDto } from '@/lib/api-types';
import { http } from '@/lib/http';

/** A call as the desk enters it. */
export interface CallDraft {
  source: DeskSource;
  callerName: string;
  callerPhone: string;
  callbackWanted: boolean;
  addressText: string;
  categoryId: string;
  conditionId?: string;
  longitude: number;
  latitude: number;
  description: string;
  photos: readonly File[];
}

export function toCallForm(draft: CallDraft): FormData {
  const form = new FormData();
  form.append('source', draft.source);
  if (draft.callerName.trim()) form.append('callerName', draft.callerName.trim());
  if (draft.callerPhone.trim()) form.append('callerPhone', draft.callerPhone.trim());
  form.append('callbackWanted', String(draft.callbackWanted));
  if (draft.addressText.trim()) form.append('addressText', draft.addressText.trim());
  form.append('categoryId', draft.categoryId);
  if (draft.conditionId) form.append('conditionId', draft.conditionId);
  form.append('longitude', draft.longitude.toFixed(7));
  form.append('latitude', draft.latitude.toFixed(7));
  form.append('description', draft.description);
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}

/** POST /api/cases as multipart; the key makes a double submit of the same call one case. */
export function fileCall(draft: CallDraft, idempotencyKey: string): Promise<CaseDto> {
  return http<CaseDto>('/api/cases', { method: 'POST', body: toCallForm(draft), headers: { 'Idempotency-Key': idempotencyKey } });
}

export function useFileCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draft, key }: { draft: CallDraft; key: string }) => fileCall(draft, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases', 'by-caller'] }),
  });
}
