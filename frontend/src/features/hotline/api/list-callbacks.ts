import { useQuery } from '@tanstack/react-query';
import type { CallerCase } from '@/features/hotline/api/types';
import { hotlineKeys } from '@/features/hotline/api/query-keys';
import { http } from '@/lib/http';

/** GET /api/cases/callbacks: closed cases whose caller wants a callback, the longest waiting first. */
export function listCallbacks(signal?: AbortSignal): Promise<CallerCase[]> {
  return http<CallerCase[]>('/api/cases/callbacks', { signal });
}

export function useCallbacks() {
  return useQuery({ queryKey: hotlineKeys.callbacks, queryFn: ({ signal }) => listCallbacks(signal), refetchInterval: 60_000 });
}
