import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';
import { BoardRealtime } from '@/lib/realtime/board-realtime';
import { boardKeys } from '@/lib/realtime/board-keys';
import { aCaseSummary } from '@/testing/case-summary';
import { deferred } from '@/testing/deferred';
import { FakeBoardConnection } from '@/testing/fake-board-connection';

const department = { key: 'xs-traffic', nameZh: '象山大队', nameEn: 'Xiangshan brigade' };

describe('BoardRealtime', () => {
  let queryClient: QueryClient;
  let connection: FakeBoardConnection;
  let scheduled: { callback: () => void; delayMs: number }[];
  let warn: Mock<(message: string, error?: unknown) => void>;
  let realtime: BoardRealtime;
  const observers: (() => void)[] = [];

  beforeEach(() => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    connection = new FakeBoardConnection();
    scheduled = [];
    warn = vi.fn<(message: string, error?: unknown) => void>();
    realtime = new BoardRealtime(queryClient, () => connection, {
      startRetryDelaysMs: [2000, 5000],
      schedule: (callback, delayMs) => {
        const entry = { callback, delayMs };
        scheduled.push(entry);
        return () => scheduled.splice(scheduled.indexOf(entry), 1);
      },
      warn,
    });
  });

  afterEach(() => {
    for (const stop of observers.splice(0)) stop();
    realtime.dispose();
    queryClient.clear();
  });

  /** Keeps a snapshot query mounted, as a page does, and counts its loads. */
  function watch<T>(queryKey: QueryKey, load: () => T) {
    const calls = { count: 0 };
    const observer = new QueryObserver(queryClient, {
      queryKey,
      queryFn: async () => {
        calls.count += 1;
        return load();
      },
    });
    observers.push(observer.subscribe(() => undefined));
    return calls;
  }

  const departmentBoard = () => queryClient.getQueryData<DepartmentBoard>(boardKeys.department('xs-traffic'));
  const commandBoard = () => queryClient.getQueryData<CommandBoard>(boardKeys.command);

  it('joins the department group and writes a new case into the board without a reload', async () => {
    const loads = watch(boardKeys.department('xs-traffic'), () => ({ department, cases: [] }));
    realtime.subscribe({ kind: 'department', key: 'xs-traffic' });
    await vi.waitFor(() => expect(connection.invoked('JoinDepartment')).toEqual([['xs-traffic']]));
    await vi.waitFor(() => expect(departmentBoard()).toBeDefined());
    const loadsBefore = loads.count;

    const push = aCaseSummary({ departmentKey: 'xs-traffic' });
    connection.push(push);

    expect(departmentBoard()?.cases).toEqual([push]);
    expect(loads.count).toBe(loadsBefore);
  });

  it('after a reconnect joins every group again and reloads the snapshots', async () => {
    const departmentLoads = watch(boardKeys.department('xs-traffic'), () => ({ department, cases: [] }));
    const commandLoads = watch(boardKeys.command, (): CommandBoard => ({ counts: {}, cases: [] }));
    realtime.subscribe({ kind: 'department', key: 'xs-traffic' });
    realtime.subscribe({ kind: 'command' });
    await vi.waitFor(() => {
      expect(connection.invoked('JoinDepartment')).toHaveLength(1);
      expect(connection.invoked('JoinCommandCentre')).toHaveLength(1);
    });
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = { department: departmentLoads.count, command: commandLoads.count };

    connection.reconnect();

    await vi.waitFor(() => {
      expect(connection.invoked('JoinDepartment')).toEqual([['xs-traffic'], ['xs-traffic']]);
      expect(connection.invoked('JoinCommandCentre')).toHaveLength(2);
      expect(departmentLoads.count).toBe(before.department + 1);
      expect(commandLoads.count).toBe(before.command + 1);
    });
  });

  it('retries a connection that cannot start, then joins and reloads', async () => {
    connection.startFailures.push(new Error('server down'));
    const loads = watch(boardKeys.command, (): CommandBoard => ({ counts: {}, cases: [] }));
    realtime.subscribe({ kind: 'command' });
    await vi.waitFor(() => expect(scheduled.map((entry) => entry.delayMs)).toEqual([2000]));
    expect(connection.invoked('JoinCommandCentre')).toEqual([]);
    await vi.waitFor(() => expect(loads.count).toBe(1));

    scheduled.shift()!.callback();

    await vi.waitFor(() => {
      expect(connection.startCalls).toBe(2);
      expect(connection.invoked('JoinCommandCentre')).toHaveLength(1);
      expect(loads.count).toBe(2);
    });
    expect(warn).toHaveBeenCalled();
  });

  it('keeps the other groups when the hub refuses one join', async () => {
    connection.refusedMethods.add('JoinDepartment');
    realtime.subscribe({ kind: 'department', key: 'xs-street' });
    realtime.subscribe({ kind: 'command' });

    await vi.waitFor(() => expect(connection.invoked('JoinCommandCentre')).toHaveLength(1));
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Could not join department:xs-street', expect.any(Error)));
  });

  it('joins a group only once for several subscribers, and forgets it when the last one leaves', async () => {
    const first = realtime.subscribe({ kind: 'department', key: 'xs-traffic' });
    const second = realtime.subscribe({ kind: 'department', key: 'xs-traffic' });
    await vi.waitFor(() => expect(connection.invoked('JoinDepartment')).toHaveLength(1));

    first();
    second();
    connection.reconnect();

    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(connection.invoked('JoinDepartment')).toHaveLength(1);
  });

  it('reports a board live only while its group is joined on an open connection', async () => {
    const board = { kind: 'department', key: 'xs-traffic' } as const;
    const changes = vi.fn();
    realtime.onStatusChange(changes);
    expect(realtime.isLive(board)).toBe(false);

    realtime.subscribe(board);
    await vi.waitFor(() => expect(realtime.isLive(board)).toBe(true));

    connection.drop();
    expect(realtime.isLive(board)).toBe(false);

    connection.reconnect();
    await vi.waitFor(() => expect(realtime.isLive(board)).toBe(true));
    expect(changes).toHaveBeenCalled();
  });

  it('becomes live only once a snapshot read after the join has landed', async () => {
    const board = { kind: 'department', key: 'xs-traffic' } as const;
    const snapshots: ReturnType<typeof deferred<DepartmentBoard>>[] = [];
    const observer = new QueryObserver(queryClient, {
      queryKey: boardKeys.department('xs-traffic'),
      queryFn: () => {
        const snapshot = deferred<DepartmentBoard>();
        snapshots.push(snapshot);
        return snapshot.promise;
      },
    });
    observers.push(observer.subscribe(() => undefined));
    realtime.subscribe(board);

    // The first load started before the join: it may have read the board before the group
    // was joined, so it is read once more after it lands.
    await vi.waitFor(() => expect(connection.invoked('JoinDepartment')).toHaveLength(1));
    expect(snapshots).toHaveLength(1);
    snapshots[0]!.resolve({ department, cases: [] });
    await vi.waitFor(() => expect(snapshots).toHaveLength(2));
    expect(realtime.isLive(board)).toBe(false);

    snapshots[1]!.resolve({ department, cases: [] });
    await vi.waitFor(() => expect(realtime.isLive(board)).toBe(true));
    expect(snapshots).toHaveLength(2);
  });

  it('stops the connection on sign-out and ignores what the old connection still delivers', async () => {
    queryClient.setQueryData<CommandBoard>(boardKeys.command, { counts: {}, cases: [] });
    realtime.subscribe({ kind: 'command' });
    await vi.waitFor(() => expect(connection.invoked('JoinCommandCentre')).toHaveLength(1));

    await realtime.stop();
    connection.push(aCaseSummary());

    expect(connection.stopCalls).toBe(1);
    expect(commandBoard()?.cases).toEqual([]);
  });

  it('after a reconnect reloads the filtered command boards and the dispatcher queue too', async () => {
    const filteredLoads = watch(boardKeys.commandIn('450304001'), (): CommandBoard => ({ counts: {}, cases: [] }));
    const queueLoads = watch(boardKeys.dispatchQueue, (): DispatchQueue => ({ count: 0, items: [] }));
    realtime.subscribe({ kind: 'command' });
    await vi.waitFor(() => expect(realtime.isLive({ kind: 'command' })).toBe(true));
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = { filtered: filteredLoads.count, queue: queueLoads.count };

    connection.reconnect();

    await vi.waitFor(() => {
      expect(filteredLoads.count).toBe(before.filtered + 1);
      expect(queueLoads.count).toBe(before.queue + 1);
    });
  });
});
