/**
 * Pure merge rules for live boards: a board holds a snapshot of CaseSummary rows and applies
 * pushes on top. A push is applied only when its version is newer than the row it would replace,
 * so duplicated or out-of-order deliveries leave the board as it is.
 */
import type { CaseSummary, CommandBoard, DepartmentBoard, DispatchQueue } from '@/lib/api-types';

/** States after which a case no longer sits in a department's open queue. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['Closed', 'Archived', 'NotAccepted', 'Voided']);

/** How many rows the command centre keeps, as the snapshot does. */
export const COMMAND_BOARD_LIMIT = 200;

/**
 * New case: prepended. Known case with an older version: replaced in place. Known case with the
 * same or a newer version: the list is returned unchanged (same reference).
 */
export function mergeCaseSummary(list: readonly CaseSummary[], push: CaseSummary): readonly CaseSummary[] {
  const index = list.findIndex((item) => item.id === push.id);
  if (index < 0) return [push, ...list];
  const held = list[index]!;
  if (held.version >= push.version) return list;
  const next = list.slice();
  next[index] = push;
  return next;
}

/** Drops the case when the push is newer than the row held (it moved away or was finished). */
export function removeCaseSummary(list: readonly CaseSummary[], push: CaseSummary): readonly CaseSummary[] {
  const index = list.findIndex((item) => item.id === push.id);
  if (index < 0) return list;
  if (list[index]!.version >= push.version) return list;
  return list.filter((item) => item.id !== push.id);
}

export function belongsToDepartment(push: CaseSummary, departmentKey: string): boolean {
  return push.departmentKey === departmentKey && !TERMINAL_STATES.has(push.state);
}

export function applyPushToDepartmentBoard(board: DepartmentBoard, push: CaseSummary): DepartmentBoard {
  const cases = belongsToDepartment(push, board.department.key)
    ? mergeCaseSummary(board.cases, push)
    : removeCaseSummary(board.cases, push);
  return cases === board.cases ? board : { ...board, cases: [...cases] };
}

/**
 * The command list is a feed of the latest changes (the snapshot is ordered by updatedAt), so a
 * changed case moves to the top. Counters move with the case when its previous state is known
 * (it is in the list). A case the list does not hold is counted under its new state; when that
 * case is not new (see `commandPushIsExact`) the caller reloads the snapshot to correct it.
 */
export function applyPushToCommandBoard(
  board: CommandBoard,
  push: CaseSummary,
  limit = COMMAND_BOARD_LIMIT,
): CommandBoard {
  const held = board.cases.find((item) => item.id === push.id);
  if (held && held.version >= push.version) return board;
  const cases = [push, ...board.cases.filter((item) => item.id !== push.id)].slice(0, limit);
  const counts = { ...board.counts };
  if (held) counts[held.state] = Math.max(0, (counts[held.state] ?? 0) - 1);
  counts[push.state] = (counts[push.state] ?? 0) + 1;
  return { counts, cases };
}

/**
 * Whether a push can be applied to the command board without guessing: the board holds the case
 * (so its previous state is known), or the case is brand new (version 1, no previous state).
 */
export function commandPushIsExact(board: CommandBoard, push: CaseSummary): boolean {
  return push.version <= 1 || board.cases.some((item) => item.id === push.id);
}

/** 人工派遣队列: unroutable cases waiting to be dispatched by hand, and returned cases (回退). */
export function waitsForDispatcher(push: CaseSummary): boolean {
  return push.state === 'Returned' || (push.state === 'ToDispatch' && !!push.needsManualDispatch);
}

/**
 * Keeps the dispatcher's queue in step with pushes: a case that now waits joins it (oldest first,
 * so at the end), a case that was dispatched or voided leaves it. `incomplete` is true when the
 * queue got an entry whose reason text only the server has (the caller reloads it).
 */
export function applyPushToDispatchQueue(queue: DispatchQueue, push: CaseSummary): { queue: DispatchQueue; incomplete: boolean } {
  const index = queue.items.findIndex((item) => item.case.id === push.id);
  const held = index >= 0 ? queue.items[index]! : null;
  if (held && held.case.version >= push.version) return { queue, incomplete: false };
  const reason = push.state === 'Returned' ? 'returned' : 'unroutable';
  if (!waitsForDispatcher(push)) {
    if (!held) return { queue, incomplete: false };
    return {
      queue: { count: Math.max(0, queue.count - 1), items: queue.items.filter((item) => item.case.id !== push.id) },
      incomplete: false,
    };
  }
  if (held) {
    const sameReason = held.reason === reason;
    const items = queue.items.slice();
    items[index] = sameReason ? { ...held, case: push } : { case: push, reason, detail: null, since: push.updatedAt, by: null, departmentKey: null };
    return { queue: { ...queue, items }, incomplete: !sameReason };
  }
  return {
    queue: { count: queue.count + 1, items: [...queue.items, { case: push, reason, detail: null, since: push.updatedAt, by: null, departmentKey: null }] },
    incomplete: true,
  };
}
