import { useMutation } from '@tanstack/react-query';
import type { PublicReceipt } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface PublicReportDraft {
  topic: string;
  longitude: number;
  latitude: number;
  description: string;
  addressText: string;
  phone: string;
  photos: readonly File[];
}

export const MAX_PUBLIC_PHOTOS = 5;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_ADDRESS_LENGTH = 200;

/** The multipart form the server reads; blank optional fields are left out. */
export function toPublicFormData(draft: PublicReportDraft): FormData {
  const form = new FormData();
  form.append('topic', draft.topic);
  form.append('longitude', draft.longitude.toFixed(7));
  form.append('latitude', draft.latitude.toFixed(7));
  if (draft.description.trim()) form.append('description', draft.description.trim());
  if (draft.addressText.trim()) form.append('addressText', draft.addressText.trim());
  if (draft.phone.trim()) form.append('phone', draft.phone.trim());
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}

export function reportPublicly(draft: PublicReportDraft): Promise<PublicReceipt> {
  return http<PublicReceipt>('/api/public/reports', { method: 'POST', body: toPublicFormData(draft), redirectOnUnauthorized: false });
}

export function useReportPublicly() {
  return useMutation({ mutationFn: reportPublicly });
}
