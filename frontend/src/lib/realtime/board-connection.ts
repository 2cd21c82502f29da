/** The hub connection (/hubs/board) and the groups a board joins on it. */
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';

export const BOARD_HUB_URL = '/hubs/board';

/** What the realtime layer needs from a hub connection; @microsoft/signalr's HubConnection fits it. */
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

export function subscriptionId(subscription: BoardSubscription): string {
  return subscription.kind === 'department' ? `department:${subscription.key}` : 'command';
}

/** Joins the hub group of a board (the hub has no leave method). */
export async function joinGroup(connection: BoardConnection, subscription: BoardSubscription): Promise<void> {
  if (subscription.kind === 'department') await connection.invoke('JoinDepartment', subscription.key);
  else await connection.invoke('JoinCommandCentre');
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
