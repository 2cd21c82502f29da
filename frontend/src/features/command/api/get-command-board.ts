import { useQuery } from '@tanstack/react-query';
import type { CommandBoard } from '@/lib/api-types';
import { http } from '@/lib/http';
import { boardKeys } from '@/lib/realtime';

export function getCommandBoard(signal?: AbortSignal): Promise<CommandBoard> {
  return http<CommandBoard>('/api/boards/command', { signal });
}

/**
 * The snapshot; pushes are written into it by lib/realtime. A slow periodic reload corrects the
 * counters for cases older than the latest rows, whose previous state the screen never held.
 */
export function useCommandBoard() {
  return useQuery({
    queryKey: boardKeys.command,
    queryFn: ({ signal }) => getCommandBoard(signal),
    staleTime: Infinity,
    refetchInterval: 5 * 60 * 1000,
  });
}
