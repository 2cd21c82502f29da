import { useMutation, useQueryClient } from '@tanstack/react-query';
import { replaceAccount } from '@/features/admin/api/set-grid-scope';
import type { PasswordReset } from '@/lib/api-types';
import { http } from '@/lib/http';

/** The server makes up the temporary password; the answer is the only place it is ever shown. */
export function resetPassword(userName: string): Promise<PasswordReset> {
  return http<PasswordReset>(`/api/admin/users/${encodeURIComponent(userName)}/password`, { method: 'PUT', json: {} });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: (reset) => replaceAccount(queryClient, reset.account),
  });
}
