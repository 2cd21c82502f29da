import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';
import { BoardCacheWriter } from '@/lib/realtime/board-cache-writer';
import { boardKeys } from '@/lib/realtime/board-keys';
import { aCaseSummary } from '@/testing/case-summary';
import { deferred } from '@/testing/deferred';

const department = { key: 'xs-traffic', nameZh: '象山大队', nameEn: 'Xiangshan brigade' };

describe('BoardCacheWriter', () => {
  let queryClient: QueryClient;
  let scheduled: { callback: () => void; delayMs: number }[];
  let writer: BoardCacheWriter;
  const observers: (() => void)[] = [];

  beforeEach(() => {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    scheduled = [];
    writer = new BoardCacheWriter(queryClient, {
      schedule: (callback, delayMs) => {
        const entry = { callback, delayMs };
        scheduled.push(entry);
        return () => scheduled.splice(scheduled.indexOf(entry), 1);
      },
    });
  });

  afterEach(() => {
    for (const stop of observers.splice(0)) stop();
    writer.dispose();
    queryClient.clear();
  });

  /** Keeps a snapshot query mounted, as a page does, loads it once and counts its loads. */
  async function watch<T>(queryKey: QueryKey, load: () => T) {
    const calls = { count: 0 };
    const observer = new QueryObserver(queryClient, {
      queryKey,
      queryFn: async () => {
        calls.count += 1;
        return load();
      },
    });
    observers.push(observer.subscribe(() => undefined));
    await expect.poll(() => queryClient.getQueryData(queryKey)).toBeDefined();
    return calls;
  }

  const departmentBoard = () => queryClient.getQueryData<DepartmentBoard>(boardKeys.department('xs-traffic'));
  const commandBoard = () => queryClient.getQueryData<CommandBoard>(boardKeys.command);

  it('writes pushes into the command board and drops versions it already holds', async () => {
    await watch(boardKeys.command, (): CommandBoard => ({ counts: {}, cases: [] }));

    const v2 = aCaseSummary({ version: 2, state: 'Handling' });
    writer.handleCaseChanged(v2);
    writer.handleCaseChanged({ ...v2, version: 1, state: 'Dispatched' });
    writer.handleCaseChanged({ ...v2, version: 2, state: 'Closed' });

    expect(commandBoard()).toEqual({ counts: { Handling: 1 }, cases: [v2] });
  });

  it('does not bring back a case that left the department when an older push arrives late', async () => {
    const v1 = aCaseSummary({ version: 1, departmentKey: 'xs-traffic' });
    await watch(boardKeys.department('xs-traffic'), () => ({ department, cases: [v1] }));

    writer.handleCaseChanged({ ...v1, version: 3, state: 'Closed' });
    writer.handleCaseChanged({ ...v1, version: 2, state: 'Handling' });

    expect(departmentBoard()?.cases).toEqual([]);
  });

  it('applies a push that arrived while the snapshot was loading on top of that snapshot', async () => {
    const snapshot = deferred<DepartmentBoard>();
    const loading = queryClient.fetchQuery({
      queryKey: boardKeys.department('xs-traffic'),
      queryFn: () => snapshot.promise,
    });
    const earlyPush = aCaseSummary({ departmentKey: 'xs-traffic' });

    writer.handleCaseChanged(earlyPush);
    snapshot.resolve({ department, cases: [] });
    await loading;

    expect(departmentBoard()?.cases).toEqual([earlyPush]);
  });

  it('does not replay pushes the snapshot already reflects', async () => {
    const old = aCaseSummary({ departmentKey: 'xs-traffic', version: 1 });
    writer.handleCaseChanged(old);

    await queryClient.fetchQuery({
      queryKey: boardKeys.department('xs-traffic'),
      queryFn: async (): Promise<DepartmentBoard> => ({ department, cases: [] }),
    });

    expect(departmentBoard()?.cases).toEqual([]);
  });

  it('forgets the pushes it has seen on reset, so a snapshot loaded afterwards is not replayed onto', async () => {
    const snapshot = deferred<DepartmentBoard>();
    const loading = queryClient.fetchQuery({ queryKey: boardKeys.department('xs-traffic'), queryFn: () => snapshot.promise });
    writer.handleCaseChanged(aCaseSummary({ departmentKey: 'xs-traffic' }));

    writer.reset();
    snapshot.resolve({ department, cases: [] });
    await loading;

    expect(departmentBoard()?.cases).toEqual([]);
  });

  it('writes into a grid-filtered command board only the pushes its scope takes, and cases it holds', async () => {
    const held = aCaseSummary({ version: 2, state: 'Dispatched', longitude: 110.3 });
    await watch(boardKeys.commandIn('450304001'), (): CommandBoard => ({ counts: { Dispatched: 1 }, cases: [held] }));
    writer.setGridScope('450304001', (push) => push.longitude >= 110.29);
    const filtered = () => queryClient.getQueryData<CommandBoard>(boardKeys.commandIn('450304001'));

    const inside = aCaseSummary({ version: 1, state: 'Reported', longitude: 110.3 });
    const elsewhere = aCaseSummary({ version: 1, state: 'Reported', longitude: 110.28 });
    writer.handleCaseChanged(inside);
    writer.handleCaseChanged(elsewhere);
    writer.handleCaseChanged({ ...held, version: 3, state: 'Handling' });

    expect(filtered()?.cases.map((item) => item.id)).toEqual([held.id, inside.id]);
    expect(filtered()?.counts).toEqual({ Dispatched: 0, Reported: 1, Handling: 1 });
  });

  it('reloads a command board once, after a pause, when pushes of cases it never held arrive', async () => {
    const loads = await watch(boardKeys.command, (): CommandBoard => ({ counts: {}, cases: [] }));
    const before = loads.count;

    writer.handleCaseChanged(aCaseSummary({ version: 5, state: 'Closed' }));
    writer.handleCaseChanged(aCaseSummary({ version: 7, state: 'Handling' }));
    writer.handleCaseChanged(aCaseSummary({ version: 1, state: 'Reported' }));

    expect(scheduled.map((entry) => entry.delayMs)).toEqual([2000]);
    expect(loads.count).toBe(before);
    scheduled.shift()!.callback();
    await expect.poll(() => loads.count).toBe(before + 1);
  });

  it('keeps the dispatcher queue in step: a returned case joins it and its reason is read from the server', async () => {
    const returned = aCaseSummary({ version: 4, state: 'Returned', departmentKey: null });
    let reason: string | null = null;
    const loads = await watch(boardKeys.dispatchQueue, (): DispatchQueue =>
      reason ? { count: 1, items: [{ case: returned, reason: 'returned', detail: reason, since: returned.updatedAt, by: null, departmentKey: null }] } : { count: 0, items: [] },
    );
    const queue = () => queryClient.getQueryData<DispatchQueue>(boardKeys.dispatchQueue);
    const before = loads.count;

    reason = 'not ours';
    writer.handleCaseChanged(returned);
    expect(queue()?.items.map((item) => [item.case.id, item.reason])).toEqual([[returned.id, 'returned']]);

    scheduled.shift()!.callback();
    await expect.poll(() => loads.count).toBe(before + 1);
    await expect.poll(() => queue()?.items[0]?.detail).toBe('not ours');

    writer.handleCaseChanged({ ...returned, version: 5, state: 'Dispatched', departmentKey: 'xs-street' });
    expect(queue()).toEqual({ count: 0, items: [] });
  });
});
