import type { PublicStepName } from '@/lib/api-types';
import { ApiError } from '@/lib/http';

/** The fields of the report form, in the order the page shows them. */
export const REPORT_FIELDS = ['photos', 'topic', 'location', 'description', 'addressText', 'phone'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** The server's field names (photos[0], longitude ...) as the form's fields. */
export function formFieldOf(serverField: string): ReportField | null {
  if (serverField.startsWith('photos')) return 'photos';
  if (serverField === 'longitude' || serverField === 'latitude') return 'location';
  return (REPORT_FIELDS as readonly string[]).includes(serverField) ? (serverField as ReportField) : null;
}

/**
 * What went wrong with a report, as locale keys: one per form field the server named, or one for the
 * whole answer (outside the area, too many reports, the network).
 */
export interface ReportProblem {
  fields: Partial<Record<ReportField, string>>;
  general: string | null;
}

export function reportProblem(error: unknown): ReportProblem {
  if (!(error instanceof ApiError)) return { fields: {}, general: 'citizen.errors.unknown' };
  if (error.isNetworkError) return { fields: {}, general: 'citizen.errors.network' };
  if (error.status === 429)
    return { fields: {}, general: error.errors.phone ? 'citizen.errors.tooManyForPhone' : 'citizen.errors.tooMany' };
  if (error.status === 422 && (error.errors.longitude || error.errors.latitude))
    return { fields: { location: 'citizen.errors.outside' }, general: 'citizen.errors.outside' };
  const fields: Partial<Record<ReportField, string>> = {};
  for (const name of Object.keys(error.errors)) {
    const field = formFieldOf(name);
    if (field) fields[field] = `citizen.errors.${field}${field === 'photos' && error.status !== 400 ? 'Refused' : ''}`;
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : 'citizen.errors.unknown' };
}

/** What the form checks before sending; the server checks the same and more. */
export function missingFields(draft: { photos: number; topic: string | null; location: boolean; phone: string }): ReportField[] {
  const missing: ReportField[] = [];
  if (draft.photos === 0) missing.push('photos');
  if (!draft.topic) missing.push('topic');
  if (!draft.location) missing.push('location');
  if (draft.phone.trim() && !/^\+?[0-9](?:[ -]?[0-9]){2,19}$/.test(draft.phone.trim())) missing.push('phone');
  return missing;
}

/** The link the receipt hands over: the page for the token on this site. */
export function trackingUrl(origin: string, trackingPath: string): string {
  return `${origin.replace(/\/+$/, '')}${trackingPath}`;
}

/** The steps the tracking page shows, in order; a declined report ends after verification. */
export function publicStepsFor(status: PublicStepName): PublicStepName[] {
  return status === 'declined' ? ['received', 'verifying', 'declined'] : ['received', 'verifying', 'handling', 'done'];
}
