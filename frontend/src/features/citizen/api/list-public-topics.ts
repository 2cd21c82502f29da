import { useQuery } from '@tanstack/react-query';
import { citizenKeys } from '@/features/citizen/api/query-keys';
import type { PublicTopic } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listPublicTopics(signal?: AbortSignal): Promise<PublicTopic[]> {
  return http<PublicTopic[]>('/api/public/topics', { signal, redirectOnUnauthorized: false });
}

/** The plain-word topics (both languages come with each), loaded once per visit. */
export function usePublicTopics() {
  return useQuery({
    queryKey: citizenKeys.topics,
    queryFn: ({ signal }) => listPublicTopics(signal),
    staleTime: 60 * 60 * 1000,
  });
}
