import { useQuery } from '@tanstack/react-query';
import type { DispatchQueue } from '@/lib/api-types';
import { http } from '@/lib/http';
import { SERVER_TEXT } from '@/lib/query-client';
import { boardKeys } from '@/lib/realtime';

export function getDispatchQueue(signal?: AbortSignal): Promise<DispatchQueue> {
  return http<DispatchQueue>('/api/dispatch/queue', { signal });
}

/**
 * 人工派遣队列: unroutable and returned cases; lib/realtime keeps it in step with pushes. Each item's
 * detail is the server's trace text, so a language switch reads it again.
 */
export function useDispatchQueue() {
  return useQuery({
    queryKey: boardKeys.dispatchQueue,
    queryFn: ({ signal }) => getDispatchQueue(signal),
    staleTime: Infinity,
    meta: SERVER_TEXT,
  });
}
