import { useMutation, useQueryClient } from '@tanstack/react-query';
import { replaceAccount } from '@/features/admin/api/set-grid-scope';
import type { Account } from '@/lib/api-types';
import { http } from '@/lib/http';

export function setAccountDisabled({ userName, disabled }: { userName: string; disabled: boolean }): Promise<Account> {
  return http<Account>(`/api/admin/users/${encodeURIComponent(userName)}/disabled`, { method: 'PUT', json: { disabled } });
}

/** Disables an account, or enables it again (which also lifts a lockout after failed sign-ins). */
export function useSetAccountDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAccountDisabled,
    onSuccess: (updated) => replaceAccount(queryClient, updated),
  });
}
