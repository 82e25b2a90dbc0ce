import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from '../config.js';

const TIMED_OUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

function cut(socket: Socket) {
  if (socket.destroyed) return;
  socket.end(TIMED_OUT);
  // A client that does not read its answer is not waited for either.
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * Cuts clients that send slowly, so a few of them cannot hold connections open: the headers of
 * each request must arrive within `headersTimeoutMs` of the connection opening (or of the last
 * answer on it), the whole request within `requestTimeoutMs`, and connections beyond
 * `maxConnections` are closed at once. Node has header and request timeouts of its own, but
 * checks them on a 30-second polling timer that also wakes an idle server; these timers exist
 * only while a connection or request does, and fire on time.
 *
 * The header clock runs only while a connection is idle. A client may send its next request
 * before the server has seen its last answer finish (or pipeline several), so a connection counts
 * the requests it has in progress and re-arms the clock only when none is left: a 408 written
 * while an answer is still going out would land in the middle of that answer's body.
 */
export function cutSlowClients(
  server: Server,
  limits: Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxConnections'>,
): void {
  server.maxConnections = limits.maxConnections;
  const waitingForHeaders = new WeakMap<Socket, NodeJS.Timeout>();
  const inProgress = new WeakMap<Socket, number>();
  const stopHeaderClock = (socket: Socket) => clearTimeout(waitingForHeaders.get(socket));
  const startHeaderClock = (socket: Socket) => {
    stopHeaderClock(socket);
    waitingForHeaders.set(
      socket,
      setTimeout(() => {
        if ((inProgress.get(socket) ?? 0) === 0) cut(socket);
      }, limits.headersTimeoutMs),
    );
  };
  server.on('connection', (socket: Socket) => {
    startHeaderClock(socket);
    socket.once('close', () => stopHeaderClock(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    stopHeaderClock(socket);
    inProgress.set(socket, (inProgress.get(socket) ?? 0) + 1);
    const timer = setTimeout(() => {
      if (req.complete) return;
      // An answer already under way cannot be followed by a 408 on the same connection.
      if (res.headersSent) socket.destroy();
      else cut(socket);
    }, limits.requestTimeoutMs);
    res.once('close', () => {
      clearTimeout(timer);
      const left = (inProgress.get(socket) ?? 1) - 1;
      inProgress.set(socket, left);
      if (left === 0 && !socket.destroyed && res.writableFinished) startHeaderClock(socket);
    });
  });
}
