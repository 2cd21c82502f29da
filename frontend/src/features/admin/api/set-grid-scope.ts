import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Account } from '@/lib/api-types';
import { http } from '@/lib/http';

export interface GridScopeChange {
  userName: string;
  /** null: the whole city. */
  gridScope: string | null;
}

export function setGridScope({ userName, gridScope }: GridScopeChange): Promise<Account> {
  return http<Account>(`/api/admin/users/${encodeURIComponent(userName)}/grid-scope`, { method: 'PUT', json: { gridScope } });
}

/** The answer is the account as stored now: it replaces its row on every cached page. */
export function useSetGridScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setGridScope,
    onSuccess: (updated) => replaceAccount(queryClient, updated),
  });
}

/** Puts the account as the server answered it into every cached page that lists it. */
export function replaceAccount(queryClient: ReturnType<typeof useQueryClient>, updated: Account) {
  queryClient.setQueriesData<{ items: Account[] }>({ queryKey: adminKeys.accounts }, (page) =>
    page ? { ...page, items: page.items.map((account) => (account.userName === updated.userName ? updated : account)) } : page,
  );
}
