// SignalR board clients: the JavaScript client, as the frontend uses it, on a cookie session.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

/**
 * Connects to /hubs/board as the session of `cookie`, calls the join methods, and calls
 * onChanged(summary, receivedAtMs) for every caseChanged push.
 */
export async function connectBoard({ baseUrl, cookie, joins, onChanged, onClose }) {
  const connection = new HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/board`, {
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
      headers: { cookie },
    })
    .configureLogging(LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  connection.on('caseChanged', (summary) => onChanged(summary, wallNow()));
  if (onClose) connection.onclose(onClose);
  await connection.start();
  for (const [method, ...args] of joins) await connection.invoke(method, ...args);
  return connection;
}

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with the database's clock). */
export function wallNow() {
  return performance.timeOrigin + performance.now();
}
