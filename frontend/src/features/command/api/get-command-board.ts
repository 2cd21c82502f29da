import { useQuery } from '@tanstack/react-query';
import type { CommandBoard } from '@/lib/api-types';
import { http } from '@/lib/http';
import { boardKeys } from '@/lib/realtime';

export function getCommandBoard(grid: string | null, signal?: AbortSignal): Promise<CommandBoard> {
  const query = grid ? `?grid=${encodeURIComponent(grid)}` : '';
  return http<CommandBoard>(`/api/boards/command${query}`, { signal });
}

/**
 * The snapshot of the whole area or of one grid node and everything under it. Pushes are written
 * into it by lib/realtime, which reads it again after a reconnect or when a push could not be
 * applied exactly; nothing here polls.
 */
export function useCommandBoard(grid: string | null) {
  return useQuery({
    queryKey: grid ? boardKeys.commandIn(grid) : boardKeys.command,
    queryFn: ({ signal }) => getCommandBoard(grid, signal),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}
