import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardRealtime } from '@/lib/realtime/board-realtime';
import { RealtimeProvider, useBoardLive, useBoardSubscription } from '@/lib/realtime/use-board-realtime';
import { FakeBoardConnection } from '@/testing/fake-board-connection';

describe('board realtime hooks', () => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const connection = new FakeBoardConnection();
  const realtime = new BoardRealtime(queryClient, () => connection, { schedule: () => () => undefined });
  const wrapper = ({ children }: { children: ReactNode }) => createElement(RealtimeProvider, { realtime, children });

  afterEach(() => realtime.dispose());

  it('joins the board’s group while mounted and says whether its pushes are arriving', async () => {
    const board = { kind: 'department', key: 'xs-traffic' } as const;
    const { result, unmount } = renderHook(
      () => {
        useBoardSubscription(board);
        return useBoardLive(board);
      },
      { wrapper },
    );
    expect(result.current).toBe(false);

    await act(() => expect.poll(() => realtime.isLive(board)).toBe(true));
    expect(result.current).toBe(true);
    expect(connection.invoked('JoinDepartment')).toEqual([['xs-traffic']]);

    act(() => connection.drop());
    expect(result.current).toBe(false);
    act(() => connection.reconnect());
    await act(() => expect.poll(() => realtime.isLive(board)).toBe(true));
    expect(result.current).toBe(true);

    unmount();
    expect(realtime.isLive(board)).toBe(false);
  });

  it('refuses to run outside a RealtimeProvider', () => {
    expect(() => renderHook(() => useBoardLive(null))).toThrow('useRealtime needs a RealtimeProvider');
  });
});
