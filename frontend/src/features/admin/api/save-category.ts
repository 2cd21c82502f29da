import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { Category, CategoryRequest } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

/** Creates a category, or edits one (`id` given) from the version it was read at. */
export function saveCategory({ id, request }: { id?: string; request: CategoryRequest }): Promise<Category> {
  return id
    ? http<Category>(`/api/categories/${encodeURIComponent(id)}`, { method: 'PUT', json: request })
    : http<Category>('/api/categories', { method: 'POST', json: request });
}

/** Reporting forms read the shared catalogue: a change reloads it too. */
export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCategory,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.catalogue });
      await queryClient.invalidateQueries({ queryKey: sharedKeys.categories });
    },
  });
}
