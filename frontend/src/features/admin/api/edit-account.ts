import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Account, AccountEditRequest } from '@/lib/api-types';
import { http } from '@/lib/http';

export function editAccount({ userName, request }: { userName: string; request: AccountEditRequest }): Promise<Account> {
  return http<Account>(`/api/admin/users/${encodeURIComponent(userName)}`, { method: 'PUT', json: request });
}

export function useEditAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: editAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.accounts }),
  });
}
