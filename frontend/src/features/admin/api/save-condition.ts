import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import type { CategoryCondition, ConditionRequest } from '@/lib/api-types';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

/** Adds a filing condition to a category, or edits one (`conditionId` given) from the version it was read at. */
export function saveCondition({
  categoryId,
  conditionId,
  request,
}: {
  categoryId: string;
  conditionId?: string;
  request: ConditionRequest;
}): Promise<CategoryCondition> {
  const base = `/api/categories/${encodeURIComponent(categoryId)}/conditions`;
  return conditionId
    ? http<CategoryCondition>(`${base}/${encodeURIComponent(conditionId)}`, { method: 'PUT', json: request })
    : http<CategoryCondition>(base, { method: 'POST', json: request });
}

export function useSaveCondition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCondition,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.catalogue });
      await queryClient.invalidateQueries({ queryKey: sharedKeys.categories });
    },
  });
}
