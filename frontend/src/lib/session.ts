/** The signed-in user, shared by every feature: GET /api/auth/me, cached under ['me']. */
import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@/lib/api-types';
import { ApiError, http } from '@/lib/http';

export const meQueryKey = ['me'] as const;

export function getMe(signal?: AbortSignal): Promise<CurrentUser> {
  return http<CurrentUser>('/api/auth/me', { signal });
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60 * 1000,
    retry: (failureCount, error) => !(error instanceof ApiError && error.status === 401) && failureCount < 2,
  });
}

export function hasRole(user: CurrentUser | undefined, ...roles: string[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

/** Where a user lands after signing in; an administrator who holds another role lands on that role's face. */
export function homePathFor(user: Pick<CurrentUser, 'roles'>): string {
  if (user.roles.includes('patroller')) return '/patrol';
  if (user.roles.includes('handler')) return '/board';
  if (user.roles.length > 0 && user.roles.every((role) => role === 'admin')) return '/admin';
  return '/command';
}
