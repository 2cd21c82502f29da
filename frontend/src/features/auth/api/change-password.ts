import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, PasswordChangeRequest } from '@/lib/api-types';
import { http } from '@/lib/http';
import { meQueryKey } from '@/lib/session';

export function changePassword(request: PasswordChangeRequest): Promise<CurrentUser> {
  return http<CurrentUser>('/api/auth/password', { json: request });
}

/** The answer is the signed-in user without the "must change" mark: it replaces the cached one. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
