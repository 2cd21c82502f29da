import { useQuery } from '@tanstack/react-query';
import type { CaseDto } from '@/lib/api-types';
import { http } from '@/lib/http';

export const caseQueryKey = (id: string) => ['cases', 'detail', id] as const;

export function getCase(id: string, signal?: AbortSignal): Promise<CaseDto> {
  return http<CaseDto>(`/api/cases/${encodeURIComponent(id)}`, { signal });
}

/** Reloaded when the row's version moves, so the drawer never shows an older case than the board. */
export function useCase(id: string | null, version?: number) {
  return useQuery({
    queryKey: [...caseQueryKey(id ?? ''), version ?? 0],
    queryFn: ({ signal }) => getCase(id!, signal),
    enabled: !!id,
    placeholderData: (previous) => (previous && previous.id === id ? previous : undefined),
  });
}
