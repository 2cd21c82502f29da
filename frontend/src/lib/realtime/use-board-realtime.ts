/** React access to the app's BoardRealtime: the provider and the hooks pages use. */
import { createContext, createElement, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { BoardSubscription } from '@/lib/realtime/board-connection';
import type { BoardRealtime } from '@/lib/realtime/board-realtime';

const RealtimeContext = createContext<BoardRealtime | null>(null);

export function RealtimeProvider({ realtime, children }: { realtime: BoardRealtime; children: ReactNode }) {
  return createElement(RealtimeContext.Provider, { value: realtime }, children);
}

export function useRealtime(): BoardRealtime {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime needs a RealtimeProvider');
  return realtime;
}

/** Keeps the board's hub group joined while the calling component is mounted. */
export function useBoardSubscription(subscription: BoardSubscription | null): void {
  const realtime = useRealtime();
  const kind = subscription?.kind ?? null;
  const key = subscription?.kind === 'department' ? subscription.key : null;
  useEffect(() => {
    if (kind === 'command') return realtime.subscribe({ kind: 'command' });
    if (kind === 'department' && key) return realtime.subscribe({ kind: 'department', key });
    return undefined;
  }, [realtime, kind, key]);
}

/** Whether pushes for this board are arriving right now (for a live / connecting badge). */
export function useBoardLive(subscription: BoardSubscription | null): boolean {
  const realtime = useRealtime();
  const kind = subscription?.kind ?? null;
  const key = subscription?.kind === 'department' ? subscription.key : null;
  const read = useCallback(() => {
    if (kind === 'command') return realtime.isLive({ kind: 'command' });
    if (kind === 'department' && key) return realtime.isLive({ kind: 'department', key });
    return false;
  }, [realtime, kind, key]);
  const listen = useCallback((listener: () => void) => realtime.onStatusChange(listener), [realtime]);
  return useSyncExternalStore(listen, read, read);
}
