import { useQuery } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Account } from '@/lib/api-types';
import { http } from '@/lib/http';

export function listAccounts(signal?: AbortSignal): Promise<Account[]> {
  return http<Account[]>('/api/admin/users', { signal });
}

export function useAccounts() {
  return useQuery({
    queryKey: adminKeys.accounts,
    queryFn: ({ signal }) => listAccounts(signal),
  });
}
