import { describe, expect, it } from 'vitest';
import type { CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';
import {
  applyPushToCommandBoard,
  applyPushToDepartmentBoard,
  applyPushToDispatchQueue,
  commandPushIsExact,
  mergeCaseSummary,
} from '@/lib/case-summaries';
import { aCaseSummary } from '@/testing/case-summary';

describe('mergeCaseSummary', () => {
  it('prepends a case the list does not hold', () => {
    const held = aCaseSummary();
    const push = aCaseSummary();

    const merged = mergeCaseSummary([held], push);

    expect(merged.map((item) => item.id)).toEqual([push.id, held.id]);
  });

  it('replaces a held case in place with a newer version', () => {
    const first = aCaseSummary();
    const held = aCaseSummary({ version: 3, state: 'Dispatched' });
    const last = aCaseSummary();
    const push = { ...held, version: 4, state: 'Handling' };

    const merged = mergeCaseSummary([first, held, last], push);

    expect(merged.map((item) => item.id)).toEqual([first.id, held.id, last.id]);
    expect(merged[1]).toEqual(push);
  });

  it('ignores an older or equal version and keeps the same list', () => {
    const held = aCaseSummary({ version: 5, state: 'Handling' });
    const list = [held];

    expect(mergeCaseSummary(list, { ...held, version: 4, state: 'Dispatched' })).toBe(list);
    expect(mergeCaseSummary(list, { ...held, version: 5, state: 'Closed' })).toBe(list);
  });

  it('ends on the newest version whatever order the pushes arrive in', () => {
    const v1 = aCaseSummary({ version: 1, state: 'Dispatched' });
    const v2 = { ...v1, version: 2, state: 'Handling' };
    const v3 = { ...v1, version: 3, state: 'FedBack' };
    const orders = [
      [v1, v2, v3],
      [v3, v1, v2],
      [v2, v3, v1],
      [v3, v2, v1],
      [v1, v3, v3, v2],
    ];

    for (const order of orders) {
      const result = order.reduce(mergeCaseSummary, []);
      expect(result).toEqual([v3]);
    }
  });
});

describe('applyPushToDepartmentBoard', () => {
  const department = { key: 'xs-traffic', nameZh: '象山大队', nameEn: 'Xiangshan brigade' };

  it('adds a case dispatched to the department', () => {
    const board: DepartmentBoard = { department, cases: [] };
    const push = aCaseSummary({ departmentKey: 'xs-traffic' });

    expect(applyPushToDepartmentBoard(board, push).cases).toEqual([push]);
  });

  it('ignores a case of another department', () => {
    const board: DepartmentBoard = { department, cases: [] };

    expect(applyPushToDepartmentBoard(board, aCaseSummary({ departmentKey: 'xs-street' }))).toBe(board);
  });

  it('removes a case that moved to another department or was closed', () => {
    const returned = aCaseSummary({ version: 2 });
    const closed = aCaseSummary({ version: 7 });
    const board: DepartmentBoard = { department, cases: [returned, closed] };

    const afterReturn = applyPushToDepartmentBoard(board, { ...returned, version: 3, departmentKey: null, state: 'Returned' });
    const afterClose = applyPushToDepartmentBoard(afterReturn, { ...closed, version: 8, state: 'Closed' });

    expect(afterReturn.cases).toEqual([closed]);
    expect(afterClose.cases).toEqual([]);
  });

  it('keeps a case when a stale push says it left', () => {
    const held = aCaseSummary({ version: 4 });
    const board: DepartmentBoard = { department, cases: [held] };

    expect(applyPushToDepartmentBoard(board, { ...held, version: 3, state: 'Closed' })).toBe(board);
  });
});

describe('applyPushToCommandBoard', () => {
  it('counts a new case under its state and lists it first', () => {
    const held = aCaseSummary({ state: 'Handling' });
    const board: CommandBoard = { counts: { Handling: 1 }, cases: [held] };
    const push = aCaseSummary({ state: 'Reported', departmentKey: null });

    const next = applyPushToCommandBoard(board, push);

    expect(next.counts).toEqual({ Handling: 1, Reported: 1 });
    expect(next.cases.map((item) => item.id)).toEqual([push.id, held.id]);
  });

  it('moves the count from the old state to the new one, and the case to the top of the feed', () => {
    const newer = aCaseSummary({ state: 'Reported' });
    const held = aCaseSummary({ state: 'Dispatched', version: 2 });
    const board: CommandBoard = { counts: { Dispatched: 3, Handling: 1, Reported: 1 }, cases: [newer, held] };
    const push = { ...held, state: 'Handling', version: 3 };

    const next = applyPushToCommandBoard(board, push);

    expect(next.counts).toEqual({ Dispatched: 2, Handling: 2, Reported: 1 });
    expect(next.cases).toEqual([push, newer]);
  });

  it('leaves counters alone for a stale push', () => {
    const held = aCaseSummary({ state: 'Handling', version: 3 });
    const board: CommandBoard = { counts: { Handling: 1 }, cases: [held] };

    expect(applyPushToCommandBoard(board, { ...held, state: 'Dispatched', version: 2 })).toBe(board);
  });

  it('keeps no more rows than the limit', () => {
    const board: CommandBoard = { counts: {}, cases: [aCaseSummary(), aCaseSummary()] };
    const push = aCaseSummary();

    const next = applyPushToCommandBoard(board, push, 2);

    expect(next.cases).toHaveLength(2);
    expect(next.cases[0]).toBe(push);
  });
});

describe('commandPushIsExact', () => {
  it('is exact for a case the board holds or a brand-new case, and not for an older case it never saw', () => {
    const held = aCaseSummary({ version: 3 });
    const board: CommandBoard = { counts: { Dispatched: 1 }, cases: [held] };

    expect(commandPushIsExact(board, { ...held, version: 4 })).toBe(true);
    expect(commandPushIsExact(board, aCaseSummary({ version: 1, state: 'Reported' }))).toBe(true);
    expect(commandPushIsExact(board, aCaseSummary({ version: 6, state: 'Closed' }))).toBe(false);
  });
});

describe('applyPushToDispatchQueue', () => {
  const empty: DispatchQueue = { count: 0, items: [] };

  it('adds a returned case at the end and asks for its reason', () => {
    const waiting = aCaseSummary({ state: 'ToDispatch', needsManualDispatch: true, version: 3 });
    const queue: DispatchQueue = { count: 1, items: [{ case: waiting, reason: 'unroutable', detail: 'no rule', since: waiting.updatedAt, by: null, departmentKey: null }] };
    const returned = aCaseSummary({ state: 'Returned', version: 5, departmentKey: null });

    const next = applyPushToDispatchQueue(queue, returned);

    expect(next.incomplete).toBe(true);
    expect(next.queue.count).toBe(2);
    expect(next.queue.items.map((item) => [item.case.id, item.reason])).toEqual([
      [waiting.id, 'unroutable'],
      [returned.id, 'returned'],
    ]);
  });

  it('drops a case once it is dispatched, and ignores stale pushes', () => {
    const returned = aCaseSummary({ state: 'Returned', version: 5 });
    const queue: DispatchQueue = { count: 1, items: [{ case: returned, reason: 'returned', detail: '不属于本部门', since: returned.updatedAt, by: null, departmentKey: null }] };

    expect(applyPushToDispatchQueue(queue, { ...returned, version: 4, state: 'Handling' }).queue).toBe(queue);
    expect(applyPushToDispatchQueue(queue, { ...returned, version: 6, state: 'Dispatched' })).toEqual({ queue: empty, incomplete: false });
  });

  it('keeps the reason of a held case whose row changed, and leaves cases that never waited alone', () => {
    const returned = aCaseSummary({ state: 'Returned', version: 5 });
    const queue: DispatchQueue = { count: 1, items: [{ case: returned, reason: 'returned', detail: 'not ours', since: returned.updatedAt, by: null, departmentKey: null }] };
    const escalated = { ...returned, version: 6, escalated: true };

    expect(applyPushToDispatchQueue(queue, escalated)).toEqual({
      queue: { count: 1, items: [{ case: escalated, reason: 'returned', detail: 'not ours', since: returned.updatedAt, by: null, departmentKey: null }] },
      incomplete: false,
    });
    expect(applyPushToDispatchQueue(empty, aCaseSummary({ state: 'Handling' })).queue).toBe(empty);
  });
});
