/**
 * Writes `caseChanged` pushes into the cached board snapshots (TanStack Query): drops pushes that
 * are not newer than what is held, replays pushes that arrived while a snapshot was loading on top
 * of it, and reads a snapshot again when a push cannot be applied exactly.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import type { CaseSummary, CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';
import {
  applyPushToCommandBoard,
  applyPushToDepartmentBoard,
  applyPushToDispatchQueue,
  commandPushIsExact,
} from '@/lib/case-summaries';
import type { BoardSubscription } from '@/lib/realtime/board-connection';
import { boardKeys } from '@/lib/realtime/board-keys';

/** Says whether a pushed case lies in a grid node (pushes carry a point, not grid codes). */
export type GridScope = (push: CaseSummary) => boolean;

export type Schedule = (callback: () => void, delayMs: number) => () => void;

export interface BoardCacheWriterOptions {
  schedule?: Schedule;
  /** How long to gather pushes that need a snapshot reload before reloading once. */
  reloadDelayMs?: number;
}

const RECENT_PUSH_LIMIT = 2000;

export const scheduleWithTimeout: Schedule = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

/**
 * The snapshots a group's pushes land in: a department's board, or every command board (whole or
 * filtered to a grid node) and the dispatcher's queue.
 */
export function snapshotFilters(subscription: BoardSubscription): { queryKey: QueryKey; exact: boolean }[] {
  return subscription.kind === 'department'
    ? [{ queryKey: boardKeys.department(subscription.key), exact: true }]
    : [
        { queryKey: boardKeys.command, exact: false },
        { queryKey: boardKeys.dispatchQueue, exact: true },
      ];
}

function isBoardQuery(query: Query): boolean {
  return query.queryKey[0] === boardKeys.all[0];
}

export class BoardCacheWriter {
  private readonly queryClient: QueryClient;
  private readonly schedule: Schedule;
  private readonly reloadDelayMs: number;

  /** Orders pushes, snapshot fetch starts and joins against each other. */
  private seq = 0;
  /** Newest push seen per case id, with the sequence number it arrived at. */
  private readonly latest = new Map<string, { push: CaseSummary; seq: number }>();
  /** Sequence number at which each board snapshot fetch started (by query hash). */
  private readonly fetchStarts = new Map<string, number>();
  private readonly unsubscribeCache: () => void;
  /** Grid scopes of filtered command boards, by grid code. */
  private readonly scopes = new Map<string, GridScope>();
  /** Snapshots to read again because a push could not be applied exactly, by query hash. */
  private readonly staleKeys = new Map<string, QueryKey>();
  private cancelReload: (() => void) | null = null;

  constructor(queryClient: QueryClient, options: BoardCacheWriterOptions = {}) {
    this.queryClient = queryClient;
    this.schedule = options.schedule ?? scheduleWithTimeout;
    this.reloadDelayMs = options.reloadDelayMs ?? 2000;
    this.unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || !isBoardQuery(event.query)) return;
      if (event.action.type === 'fetch') this.fetchStarts.set(event.query.queryHash, ++this.seq);
      if (event.action.type === 'success' && !event.action.manual) this.replayOnto(event.query);
    });
  }

  /** Marks a moment (a group joined) that snapshot fetches can be compared against. */
  mark(): number {
    return ++this.seq;
  }

  /** When the newest fetch of a snapshot started, as a mark; 0 if never. */
  fetchStartedAt(query: Query): number {
    return this.fetchStarts.get(query.queryHash) ?? 0;
  }

  /**
   * Tells which pushes belong on the command board filtered to `grid`; until a scope is set, a
   * filtered board only takes pushes for cases it already holds. Returns a function that removes it.
   */
  setGridScope(grid: string, scope: GridScope): () => void {
    this.scopes.set(grid, scope);
    return () => {
      if (this.scopes.get(grid) === scope) this.scopes.delete(grid);
    };
  }

  /** Applies one `caseChanged` push to every cached board snapshot. */
  handleCaseChanged(push: CaseSummary): void {
    const held = this.latest.get(push.id);
    if (held && held.push.version >= push.version) return;
    this.latest.delete(push.id);
    this.latest.set(push.id, { push, seq: ++this.seq });
    if (this.latest.size > RECENT_PUSH_LIMIT) {
      const oldest = this.latest.keys().next().value;
      if (oldest !== undefined) this.latest.delete(oldest);
    }
    this.applyToCache(push);
  }

  /** Forgets the pushes seen and any reload waiting (sign-out). */
  reset(): void {
    this.latest.clear();
    this.cancelReload?.();
    this.cancelReload = null;
    this.staleKeys.clear();
  }

  dispose(): void {
    this.unsubscribeCache();
    this.reset();
  }

  private applyToCache(push: CaseSummary): void {
    this.queryClient.setQueriesData<DepartmentBoard>({ queryKey: boardKeys.departments }, (board) =>
      board ? applyPushToDepartmentBoard(board, push) : board,
    );
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: boardKeys.command })) {
      this.applyToCommandQuery(query.queryKey, [push]);
    }
    this.applyToDispatchQueue([push]);
  }

  /** A command board, whole or filtered to a grid node; what cannot be applied exactly is reloaded. */
  private applyToCommandQuery(key: QueryKey, pushes: readonly CaseSummary[]): void {
    const grid = typeof key[2] === 'string' ? key[2] : null;
    const scope = grid ? this.scopes.get(grid) : null;
    let inexact = false;
    this.queryClient.setQueryData<CommandBoard>(key, (board) => {
      if (!board) return board;
      let next = board;
      for (const push of pushes) {
        const held = next.cases.some((item) => item.id === push.id);
        if (grid && !held && !scope?.(push)) continue;
        if (!commandPushIsExact(next, push)) inexact = true;
        next = applyPushToCommandBoard(next, push);
      }
      return next;
    });
    if (inexact) this.reloadSoon(key);
  }

  private applyToDispatchQueue(pushes: readonly CaseSummary[]): void {
    let incomplete = false;
    this.queryClient.setQueryData<DispatchQueue>(boardKeys.dispatchQueue, (queue) => {
      if (!queue) return queue;
      let next = queue;
      for (const push of pushes) {
        const applied = applyPushToDispatchQueue(next, push);
        next = applied.queue;
        incomplete ||= applied.incomplete;
      }
      return next;
    });
    if (incomplete) this.reloadSoon(boardKeys.dispatchQueue);
  }

  /** Gathers snapshots to read again and reads each once after a short pause (a burst of pushes, one read). */
  private reloadSoon(key: QueryKey): void {
    this.staleKeys.set(JSON.stringify(key), key);
    if (this.cancelReload) return;
    this.cancelReload = this.schedule(() => {
      this.cancelReload = null;
      const keys = [...this.staleKeys.values()];
      this.staleKeys.clear();
      for (const stale of keys) void this.queryClient.invalidateQueries({ queryKey: stale, exact: true });
    }, this.reloadDelayMs);
  }

  /**
   * A snapshot read on the server may predate pushes that arrived while it was in flight:
   * those pushes are applied again on top of it (each is dropped if the snapshot is newer).
   */
  private replayOnto(query: Query): void {
    const startedAt = this.fetchStartedAt(query);
    const pending = [...this.latest.values()].filter((entry) => entry.seq > startedAt).map((entry) => entry.push);
    if (pending.length === 0) return;
    const key = query.queryKey;
    if (key[1] === 'command') {
      this.applyToCommandQuery(key, pending);
    } else if (key[1] === 'dispatch-queue') {
      this.applyToDispatchQueue(pending);
    } else if (key[1] === 'department') {
      this.queryClient.setQueryData<DepartmentBoard>(key, (board) =>
        board ? pending.reduce(applyPushToDepartmentBoard, board) : board,
      );
    }
  }
}
