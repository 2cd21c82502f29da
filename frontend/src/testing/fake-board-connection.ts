import type { CaseSummary } from '@/lib/api-types';
import type { BoardConnection } from '@/lib/realtime';

/** A hub connection the test drives by hand: pushes, drops and reconnects happen when told. */
export class FakeBoardConnection implements BoardConnection {
  readonly invocations: { method: string; args: unknown[] }[] = [];
  startCalls = 0;
  stopCalls = 0;
  /** Errors the next start() calls throw, in order; empty means start succeeds. */
  readonly startFailures: Error[] = [];
  /** Methods whose invoke() rejects, as the hub does with a HubException. */
  readonly refusedMethods = new Set<string>();

  private readonly handlers = new Map<string, ((...args: never[]) => void)[]>();
  private readonly reconnectingCallbacks: ((error?: Error) => void)[] = [];
  private readonly reconnectedCallbacks: ((connectionId?: string) => void)[] = [];
  private readonly closeCallbacks: ((error?: Error) => void)[] = [];

  async start(): Promise<void> {
    this.startCalls += 1;
    const failure = this.startFailures.shift();
    if (failure) throw failure;
  }

  async stop(): Promise<void> {
    this.stopCalls += 1;
  }

  async invoke(method: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ method, args });
    if (this.refusedMethods.has(method)) throw new Error(`HubException: ${method} refused`);
    return undefined;
  }

  on(method: string, handler: (...args: never[]) => void): void {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), handler]);
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnectingCallbacks.push(callback);
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.reconnectedCallbacks.push(callback);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closeCallbacks.push(callback);
  }

  /** The server sends `caseChanged`. */
  push(summary: CaseSummary): void {
    for (const handler of this.handlers.get('caseChanged') ?? []) (handler as (value: CaseSummary) => void)(summary);
  }

  /** The transport dropped; the client is trying to reconnect. */
  drop(error = new Error('WebSocket closed with status code: 1006')): void {
    for (const callback of this.reconnectingCallbacks) callback(error);
  }

  /** The automatic reconnect succeeded with a new connection id. */
  reconnect(): void {
    for (const callback of this.reconnectedCallbacks) callback('reconnected-id');
  }

  close(error?: Error): void {
    for (const callback of this.closeCallbacks) callback(error);
  }

  invoked(method: string): unknown[][] {
    return this.invocations.filter((call) => call.method === method).map((call) => call.args);
  }
}
