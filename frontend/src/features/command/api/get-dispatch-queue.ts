import { useQuery } from '@tanstack/react-query';
import type { DispatchQueue } from '@/lib/api-types';
import { http } from '@/lib/http';
import { boardKeys } from '@/lib/realtime';

export function getDispatchQueue(signal?: AbortSignal): Promise<DispatchQueue> {
  return http<DispatchQueue>('/api/dispatch/queue', { signal });
}

/** 人工派遣队列: unroutable and returned cases; lib/realtime keeps it in step with pushes. */
export function useDispatchQueue() {
  return useQuery({
    queryKey: boardKeys.dispatchQueue,
    queryFn: ({ signal }) => getDispatchQueue(signal),
    staleTime: Infinity,
  });
}
