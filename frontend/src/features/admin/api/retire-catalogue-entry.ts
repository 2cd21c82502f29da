import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '@/features/admin/api/query-keys';
import { sharedKeys } from '@/lib/api/query-keys';
import { http } from '@/lib/http';

export interface CatalogueEntry {
  categoryId: string;
  /** Absent: the category itself. */
  conditionId?: string;
  retire: boolean;
}

/** Retires (停用) or restores a category or one of its conditions. */
export function retireCatalogueEntry({ categoryId, conditionId, retire }: CatalogueEntry): Promise<unknown> {
  const path = conditionId
    ? `/api/categories/${encodeURIComponent(categoryId)}/conditions/${encodeURIComponent(conditionId)}`
    : `/api/categories/${encodeURIComponent(categoryId)}`;
  return http<unknown>(`${path}/${retire ? 'retire' : 'restore'}`, { method: 'POST' });
}

export function useRetireCatalogueEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireCatalogueEntry,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.catalogue });
      await queryClient.invalidateQueries({ queryKey: sharedKeys.categories });
    },
  });
}
