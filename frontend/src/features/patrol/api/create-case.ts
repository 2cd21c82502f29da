import type { CaseDto } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface CaseDraft {
  categoryId: string;
  conditionId?: string;
  /** The inventory component the report is about (部件), when the patroller picked one. */
  componentId?: string;
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
  if (draft.componentId) form.append('componentId', draft.componentId);
  form.append('longitude', draft.longitude.toFixed(7));
  form.append('latitude', draft.latitude.toFixed(7));
  form.append('description', draft.description);
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}

/**
 * POST /api/cases as multipart; the key makes a retried request return the first case. Reports
 * are sent through the outbox (hooks/use-report-outbox), never directly, so none is lost offline.
 */
export function createCase(draft: CaseDraft, idempotencyKey: string): Promise<CaseDto> {
  return http<CaseDto>('/api/cases', {
    method: 'POST',
    body: toFormData(draft),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
