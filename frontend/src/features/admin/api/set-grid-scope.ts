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

/** The answer is the account as stored now: it replaces its row in the list. */
export function useSetGridScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setGridScope,
    onSuccess: (updated) =>
      queryClient.setQueryData<Account[]>(adminKeys.accounts, (accounts) =>
        accounts?.map((account) => (account.userName === updated.userName ? updated : account)),
      ),
  });
}
