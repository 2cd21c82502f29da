import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@/lib/api-types';
import { http } from '@/lib/http';
import { meQueryKey } from '@/lib/session';

export interface LoginRequest {
  userName: string;
  password: string;
}

export function login(request: LoginRequest): Promise<CurrentUser> {
  // A 401 here means wrong credentials: the form shows it instead of redirecting.
  return http<CurrentUser>('/api/auth/login', { json: request, redirectOnUnauthorized: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
