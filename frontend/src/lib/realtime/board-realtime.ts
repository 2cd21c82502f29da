/**
 * The one SignalR connection of the app: starts it (retrying when it cannot), joins the hub
 * groups of the boards on screen, hands `caseChanged` pushes to the cache writer, and after a
 * reconnect joins the groups again and reloads the snapshots so nothing missed while offline
 * stays missing.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CaseSummary } from '@/lib/api-types';
import { BoardCacheWriter, scheduleWithTimeout, snapshotFilters, type GridScope, type Schedule } from '@/lib/realtime/board-cache-writer';
import { joinGroup, subscriptionId, type BoardConnection, type BoardSubscription } from '@/lib/realtime/board-connection';
import { boardKeys } from '@/lib/realtime/board-keys';

export interface BoardRealtimeOptions {
  /** Delays before another try when the connection cannot be started, the last one repeating. */
  startRetryDelaysMs?: readonly number[];
  schedule?: Schedule;
  warn?: (message: string, error?: unknown) => void;
  /** How long to gather pushes that need a snapshot reload before reloading once. */
  reloadDelayMs?: number;
}

export class BoardRealtime {
  private readonly queryClient: QueryClient;
  private readonly createConnection: () => BoardConnection;
  private readonly retryDelays: readonly number[];
  private readonly schedule: Schedule;
  private readonly warn: (message: string, error?: unknown) => void;
  private readonly writer: BoardCacheWriter;

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

  constructor(queryClient: QueryClient, createConnection: () => BoardConnection, options: BoardRealtimeOptions = {}) {
    this.queryClient = queryClient;
    this.createConnection = createConnection;
    this.retryDelays = options.startRetryDelaysMs ?? [2000, 5000, 10000, 30000];
    this.schedule = options.schedule ?? scheduleWithTimeout;
    this.warn = options.warn ?? ((message, error) => console.warn(message, error));
    this.writer = new BoardCacheWriter(queryClient, { schedule: this.schedule, reloadDelayMs: options.reloadDelayMs });
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

  /** See BoardCacheWriter.setGridScope. */
  setGridScope(grid: string, scope: GridScope): () => void {
    return this.writer.setGridScope(grid, scope);
  }

  /** Applies one `caseChanged` push to every cached board snapshot. */
  handleCaseChanged(push: CaseSummary): void {
    this.writer.handleCaseChanged(push);
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
    this.writer.reset();
    this.cancelRetry?.();
    this.cancelRetry = null;
    const connection = this.connection;
    this.connection = null;
    this.connected = false;
    this.starting = null;
    if (connection) await connection.stop();
  }

  dispose(): void {
    this.writer.dispose();
    void this.stop();
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
      if (this.connection === connection) this.writer.handleCaseChanged(push);
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
    const joinedAt = this.writer.mark();
    // Changes between the snapshot read and this join were pushed to nobody: read it again. A
    // first load still in flight is awaited rather than restarted, so it may predate the join:
    // then one more read.
    const filters = snapshotFilters(subscription);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await Promise.all(filters.map((filter) => this.queryClient.invalidateQueries(filter)));
      const watched = filters
        .flatMap((filter) => this.queryClient.getQueryCache().findAll(filter))
        .filter((query) => query.getObserversCount() > 0);
      if (watched.every((query) => this.writer.fetchStartedAt(query) > joinedAt)) break;
    }
    this.markLive(connection, subscription);
  }

  private async join(subscription: BoardSubscription): Promise<boolean> {
    const connection = this.connection;
    if (!connection) return false;
    try {
      await joinGroup(connection, subscription);
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
