import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { http } from '@/lib/http';
import { useRealtime } from '@/lib/realtime';

export function logout(): Promise<void> {
  return http<void>('/api/auth/logout', { method: 'POST', redirectOnUnauthorized: false });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await realtime.stop();
      await logout();
    },
    // Signed out or not, this browser forgets the session.
    onSettled: async () => {
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
}
