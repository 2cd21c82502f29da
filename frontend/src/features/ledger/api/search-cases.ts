import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { LedgerPage } from '@/features/ledger/api/types';
import { ledgerKeys } from '@/features/ledger/api/query-keys';
import { http } from '@/lib/http';

export const PAGE_SIZE = 50;

export function searchCases(query: string, cursor: string | null, signal?: AbortSignal): Promise<LedgerPage> {
  const search = new URLSearchParams(query);
  search.set('limit', String(PAGE_SIZE));
  if (cursor) search.set('cursor', cursor);
  return http<LedgerPage>(`/api/cases?${search.toString()}`, { signal });
}

/** Pages follow the server's cursor; the first page carries the total. */
export function useSearchCases(query: string) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.search(query),
    queryFn: ({ pageParam, signal }) => searchCases(query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
}
