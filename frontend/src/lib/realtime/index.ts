/**
 * Live boards over SignalR, by job: the hub connection (board-connection), the writer of pushes
 * into the cached snapshots (board-cache-writer), the snapshots' query keys (board-keys), the
 * connection's life and group joins (board-realtime), and the React provider and hooks.
 */
export { boardKeys } from '@/lib/realtime/board-keys';
export {
  BOARD_HUB_URL,
  createBoardHubConnection,
  type BoardConnection,
  type BoardSubscription,
} from '@/lib/realtime/board-connection';
export { BoardCacheWriter, type GridScope } from '@/lib/realtime/board-cache-writer';
export { BoardRealtime, type BoardRealtimeOptions } from '@/lib/realtime/board-realtime';
export { RealtimeProvider, useBoardLive, useBoardSubscription, useRealtime } from '@/lib/realtime/use-board-realtime';
