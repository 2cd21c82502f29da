import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { citizenKeys } from '@/features/citizen/api/query-keys';
import type { PublicProgress } from '@/lib/api-types';
import { ApiError, http } from '@/lib/http';

export function getPublicProgress(token: string, signal?: AbortSignal): Promise<PublicProgress> {
  return http<PublicProgress>(`/api/public/track/${encodeURIComponent(token)}`, { signal, redirectOnUnauthorized: false });
}

/** The progress behind a tracking token; an unknown token (404) is an answer, not worth retrying. */
export function usePublicProgress(token: string) {
  return useQuery({
    queryKey: citizenKeys.progress(token),
    queryFn: ({ signal }) => getPublicProgress(token, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

export interface PublicRating {
  satisfied: boolean;
  words: string;
}

export function ratePublicCase(token: string, rating: PublicRating): Promise<PublicProgress> {
  return http<PublicProgress>(`/api/public/track/${encodeURIComponent(token)}/rating`, {
    method: 'POST',
    json: { satisfied: rating.satisfied, words: rating.words.trim() || null },
    redirectOnUnauthorized: false,
  });
}

export function useRatePublicCase(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rating: PublicRating) => ratePublicCase(token, rating),
    onSuccess: (progress) => queryClient.setQueryData(citizenKeys.progress(token), progress),
  });
}
