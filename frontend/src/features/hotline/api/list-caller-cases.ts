import { useQuery } from '@tanstack/react-query';
import type { CallerCase } from '@/features/hotline/api/types';
import { hotlineKeys } from '@/features/hotline/api/query-keys';
import { isLookupReady, phoneDigits } from '@/features/hotline/lib/phone';
import { http } from '@/lib/http';

/** GET /api/cases/by-caller?phone=: the caller's earlier cases, newest first. */
export function listCallerCases(phone: string, signal?: AbortSignal): Promise<CallerCase[]> {
  return http<CallerCase[]>(`/api/cases/by-caller?${new URLSearchParams({ phone: phoneDigits(phone) }).toString()}`, { signal });
}

export function useCallerCases(phone: string) {
  const digits = phoneDigits(phone);
  return useQuery({
    queryKey: hotlineKeys.byCaller(digits),
    queryFn: ({ signal }) => listCallerCases(digits, signal),
    enabled: isLookupReady(phone),
    staleTime: 30_000,
  });
}
