import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { AuditPage } from '@/lib/api-types';
import { http } from '@/lib/http';

/** What the audit log can be narrowed by; empty values are left out of the request. */
export interface AuditFilter {
  subjectType?: string;
  actor?: string;
  q?: string;
}

export function auditUrl(filter: AuditFilter, before?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text) params.set(key, text);
  }
  if (before) params.set('before', before);
  const query = params.toString();
  return query ? `/api/admin/audit?${query}` : '/api/admin/audit';
}

/** The audit log, newest first, one page after another (keyset: each page's `next` fetches the older one). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: adminKeys.auditList(filter),
    queryFn: ({ pageParam, signal }) => http<AuditPage>(auditUrl(filter, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}
