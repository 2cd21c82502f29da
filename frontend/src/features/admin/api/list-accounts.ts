import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import { accountsQuery, type AccountFilters } from '@/features/admin/lib/accounts';
import type { AccountPage } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listAccounts(filters: AccountFilters, signal?: AbortSignal): Promise<AccountPage> {
  return http<AccountPage>(`/api/admin/users?${accountsQuery(filters)}`, { signal });
}

/** One page of accounts; the previous page stays on screen while the next loads. */
export function useAccounts(filters: AccountFilters) {
  return useQuery({
    queryKey: adminKeys.accountList(filters),
    queryFn: ({ signal }) => listAccounts(filters, signal),
    placeholderData: keepPreviousData,
  });
}
