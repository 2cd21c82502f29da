import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Account, AccountCreateRequest } from '@/lib/api-types';
import { http } from '@/lib/http';

export function createAccount(request: AccountCreateRequest): Promise<Account> {
  return http<Account>('/api/admin/users', { method: 'POST', json: request });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.accounts }),
  });
}
