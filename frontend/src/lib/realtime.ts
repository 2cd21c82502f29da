/**
 * The one SignalR connection of the app (hub /hubs/board). Boards load a snapshot through
 * TanStack Query; this module writes `caseChanged` pushes into those cached snapshots, drops
 * pushes that are not newer than what is held, and after a reconnect joins the groups again and
 * reloads the snapshots so nothing missed while offline stays missing.
 */
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { createContext, createElement, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { CaseSummary, CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';
import {
  applyPushToCommandBoard,
  applyPushToDepartmentBoard,
  applyPushToDispatchQueue,
  commandPushIsExact,
} from '@/lib/case-summaries';

export const boardKeys = {
  all: ['board'] as const,
  departments: ['board', 'department'] as const,
  department: (key: string) => ['board', 'department', key] as const,
  /** The whole command board (no grid), and the prefix of every grid-filtered one. */
  command: ['board', 'command'] as const,
  /** The command board filtered to a grid node and everything under it. */
  commandIn: (grid: string) => ['board', 'command', grid] as const,
  /** The dispatcher's manual queue, kept in step by the command centre's pushes. */
  dispatchQueue: ['board', 'dispatch-queue'] as const,
};

/** Says whether a pushed case lies in a grid node (pushes carry a point, not grid codes). */
export type GridScope = (push: CaseSummary) => boolean;

export const BOARD_HUB_URL = '/hubs/board';

/** What this module needs from a hub connection; @microsoft/signalr's HubConnection fits it. */
export interface BoardConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  invoke(methodName: string, ...args: unknown[]): Promise<unknown>;
  on(methodName: string, handler: (...args: never[]) => void): void;
  onreconnecting(callback: (error?: Error) => void): void;
  onreconnected(callback: (connectionId?: string) => void): void;
  onclose(callback: (error?: Error) => void): void;
}

export type BoardSubscription = { kind: 'department'; key: string } | { kind: 'command' };

export interface BoardRealtimeOptions {
  /** Delays before another try when the connection cannot be started, the last one repeating. */
  startRetryDelaysMs?: readonly number[];
  schedule?: (callback: () => void, delayMs: number) => () => void;
  warn?: (message: string, error?: unknown) => void;
  /** How long to gather pushes that need a snapshot reload before reloading once. */
  reloadDelayMs?: number;
}

const RECENT_PUSH_LIMIT = 2000;

function subscriptionId(subscription: BoardSubscription): string {
  return subscription.kind === 'department' ? `department:${subscription.key}` : 'command';
}

/**
 * The snapshots a group's pushes land in: a department's board, or every command board (whole or
 * filtered to a grid node) and the dispatcher's queue.
 */
function snapshotFilters(subscription: BoardSubscription): { queryKey: QueryKey; exact: boolean }[] {
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

export class BoardRealtime {
  private readonly queryClient: QueryClient;
  private readonly createConnection: () => BoardConnection;
  private readonly retryDelays: readonly number[];
  private readonly schedule: (callback: () => void, delayMs: number) => () => void;
  private readonly warn: (message: string, error?: unknown) => void;

  private connection: BoardConnection | null = null;
  private connected = false;
  private starting: Promise<void> | null = null;
  private startAttempt = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;
  private readonly subscriptions = new Map<string, { subscription: BoardSubscription; count: number }>();
  /** Groups joined on the current connection: their boards are live. */
  private readonly joined = new Set<string>();
  private readonly statusListeners = new Set<() => void>();

  /** Orders pushes, snapshot fetch starts and joins against each other. */
  private seq = 0;
  /** Newest push seen per case id, with the sequence number it arrived at. */
  private readonly latest = new Map<string, { push: CaseSummary; seq: number }>();
  /** Sequence number at which each board snapshot fetch started (by query hash). */
  private readonly fetchStartedAt = new Map<string, number>();
  private readonly unsubscribeCache: () => void;
  /** Grid scopes of filtered command boards, by grid code. */
  private readonly scopes = new Map<string, GridScope>();
  /** Snapshots to read again because a push could not be applied exactly, by query hash. */
  private readonly staleKeys = new Map<string, QueryKey>();
  private cancelReload: (() => void) | null = null;
  private readonly reloadDelayMs: number;

  constructor(queryClient: QueryClient, createConnection: () => BoardConnection, options: BoardRealtimeOptions = {}) {
    this.queryClient = queryClient;
    this.createConnection = createConnection;
    this.retryDelays = options.startRetryDelaysMs ?? [2000, 5000, 10000, 30000];
    this.schedule =
      options.schedule ??
      ((callback, delayMs) => {
        const timer = setTimeout(callback, delayMs);
        return () => clearTimeout(timer);
      });
    this.warn = options.warn ?? ((message, error) => console.warn(message, error));
    this.reloadDelayMs = options.reloadDelayMs ?? 2000;
    this.unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || !isBoardQuery(event.query)) return;
      if (event.action.type === 'fetch') this.fetchStartedAt.set(event.query.queryHash, ++this.seq);
      if (event.action.type === 'success' && !event.action.manual) this.replayOnto(event.query);
    });
  }

  /** Joins the hub group for a board; the returned function ends this interest. */
  subscribe(subscription: BoardSubscription): () => void {
    this.stopped = false;
    const id = subscriptionId(subscription);
    const entry = this.subscriptions.get(id);
    if (entry) {
      entry.count += 1;
    } else {
      this.subscriptions.set(id, { subscription, count: 1 });
      if (this.connected) void this.joinAndReload(subscription);
    }
    void this.ensureStarted();
    return () => {
      const current = this.subscriptions.get(id);
      if (!current) return;
      current.count -= 1;
      // The hub has no leave method: the group stays joined until the connection ends, and its
      // pushes keep landing in a cache nobody reads, which is harmless.
      if (current.count <= 0) {
        this.subscriptions.delete(id);
        this.setJoined(id, false);
      }
    };
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

  /** True while the board's group is joined on an open connection, so pushes reach it. */
  isLive(subscription: BoardSubscription): boolean {
    return this.connected && this.joined.has(subscriptionId(subscription));
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setJoined(id: string | null, joined: boolean): void {
    if (id === null) this.joined.clear();
    else if (joined) this.joined.add(id);
    else this.joined.delete(id);
    for (const listener of [...this.statusListeners]) listener();
  }

  /** Ends the connection and forgets every subscription (sign-out). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.startAttempt = 0;
    this.setJoined(null, false);
    this.subscriptions.clear();
    this.latest.clear();
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.cancelReload?.();
    this.cancelReload = null;
    this.staleKeys.clear();
    const connection = this.connection;
    this.connection = null;
    this.connected = false;
    this.starting = null;
    if (connection) await connection.stop();
  }

  dispose(): void {
    this.unsubscribeCache();
    void this.stop();
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
    const startedAt = this.fetchStartedAt.get(query.queryHash) ?? 0;
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

  private ensureStarted(): Promise<void> {
    if (this.connected) return Promise.resolve();
    if (this.starting) return this.starting;
    if (this.cancelRetry) return Promise.resolve();
    this.starting = this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private getConnection(): BoardConnection {
    if (this.connection) return this.connection;
    const connection = this.createConnection();
    // Callbacks of a connection this object has let go of (after stop) change nothing.
    connection.on('caseChanged', (push: CaseSummary) => {
      if (this.connection === connection) this.handleCaseChanged(push);
    });
    connection.onreconnecting(() => {
      if (this.connection !== connection) return;
      this.connected = false;
      this.setJoined(null, false);
    });
    connection.onreconnected(() => {
      if (this.connection !== connection) return;
      this.connected = true;
      void this.resynchronise();
    });
    connection.onclose((error) => {
      if (this.connection === connection) {
        this.connected = false;
        this.setJoined(null, false);
      }
      if (this.stopped || this.connection !== connection) return;
      if (error) this.warn('Board connection closed', error);
      this.scheduleRestart();
    });
    this.connection = connection;
    return connection;
  }

  private async start(): Promise<void> {
    const connection = this.getConnection();
    try {
      await connection.start();
    } catch (error) {
      if (this.stopped || this.connection !== connection) return;
      this.warn('Board connection could not start', error);
      this.scheduleRestart();
      return;
    }
    if (this.stopped || this.connection !== connection) return;
    const wasRestart = this.startAttempt > 0;
    this.startAttempt = 0;
    this.connected = true;
    if (wasRestart) await this.resynchronise();
    else await this.joinAll();
  }

  private scheduleRestart(): void {
    if (this.stopped || this.cancelRetry) return;
    const delay = this.retryDelays[Math.min(this.startAttempt, this.retryDelays.length - 1)] ?? 5000;
    this.startAttempt += 1;
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      void this.ensureStarted();
    }, delay);
  }

  /** After a reconnect: the groups are gone on the server, and pushes may have been missed. */
  private async resynchronise(): Promise<void> {
    const connection = this.connection;
    const joined = await Promise.all(
      [...this.subscriptions.values()].map(async ({ subscription }) =>
        (await this.join(subscription)) ? subscription : null,
      ),
    );
    await this.queryClient.invalidateQueries({ queryKey: boardKeys.all });
    for (const subscription of joined) if (subscription) this.markLive(connection, subscription);
  }

  private async joinAll(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map(({ subscription }) => this.joinAndReload(subscription)));
  }

  private async joinAndReload(subscription: BoardSubscription): Promise<void> {
    const connection = this.connection;
    if (!(await this.join(subscription))) return;
    const joinedAt = ++this.seq;
    // Changes between the snapshot read and this join were pushed to nobody: read it again. A
    // first load still in flight is awaited rather than restarted, so it may predate the join:
    // then one more read.
    const filters = snapshotFilters(subscription);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await Promise.all(filters.map((filter) => this.queryClient.invalidateQueries(filter)));
      const watched = filters
        .flatMap((filter) => this.queryClient.getQueryCache().findAll(filter))
        .filter((query) => query.getObserversCount() > 0);
      if (watched.every((query) => (this.fetchStartedAt.get(query.queryHash) ?? 0) > joinedAt)) break;
    }
    this.markLive(connection, subscription);
  }

  private async join(subscription: BoardSubscription): Promise<boolean> {
    const connection = this.connection;
    if (!connection) return false;
    try {
      if (subscription.kind === 'department') await connection.invoke('JoinDepartment', subscription.key);
      else await connection.invoke('JoinCommandCentre');
      return true;
    } catch (error) {
      this.warn(`Could not join ${subscriptionId(subscription)}`, error);
      return false;
    }
  }

  /** Live once the group is joined and the snapshot read after the join has landed. */
  private markLive(connection: BoardConnection | null, subscription: BoardSubscription): void {
    const id = subscriptionId(subscription);
    if (connection && this.connection === connection && this.connected && this.subscriptions.has(id)) {
      this.setJoined(id, true);
    }
  }
}

/** Reconnects forever, at most every 30 s, so a wall screen recovers without a reload. */
export function createBoardHubConnection(): BoardConnection {
  return new HubConnectionBuilder()
    .withUrl(BOARD_HUB_URL, { withCredentials: true })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => [0, 2000, 5000, 10000][context.previousRetryCount] ?? 30000,
    })
    .configureLogging(LogLevel.Warning)
    .build();
}

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
