import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { cutSlowClients } from './slow-clients.js';

/**
 * cutSlowClients on a bare Node server whose `/slow` answer takes longer than the header
 * timeout, so the timers can be checked against answers in flight on a kept-alive connection.
 */
const HEADERS_TIMEOUT_MS = 300;
const SLOW_ANSWER_MS = 900;
const SLOW_BODY = 'x'.repeat(64 * 1024);

function slowServer(): Server {
  const server = createServer((req, res) => {
    if (req.url === '/slow') {
      res.writeHead(200, { 'Content-Length': String(SLOW_BODY.length), 'Content-Type': 'text/plain' });
      // Half now, half later: the answer is under way when the header timeout passes.
      res.write(SLOW_BODY.slice(0, SLOW_BODY.length / 2));
      setTimeout(() => res.end(SLOW_BODY.slice(SLOW_BODY.length / 2)), SLOW_ANSWER_MS);
    } else {
      res.writeHead(200, { 'Content-Length': '2', 'Content-Type': 'text/plain' });
      res.end('ok');
    }
  });
  cutSlowClients(server, {
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: 5_000,
    maxConnections: 8,
  });
  return server;
}

/** Sends `requests` on one connection at once and gathers every byte until `bytes` have come. */
function exchange(port: number, requests: string, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, 5_000);
    socket.on('data', (d) => {
      received += d.toString('latin1');
      if (received.length >= bytes) {
        clearTimeout(timer);
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', reject);
    socket.write(requests);
  });
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
const statusLines = (answers: readonly string[]) => answers.map((a) => a.split('\r\n')[0]);

describe('cutting slow clients spares answers in flight', () => {
  let server: Server;
  let port: number;
  before(async () => {
    server = slowServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('a second request sent as the first answer ends is answered whole, with no 408 inside it', async () => {
    const received = await exchange(port, get('/fast') + get('/slow'), SLOW_BODY.length + 200);
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    assert.deepEqual(statusLines(answers), ['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    assert.ok(answers[1]!.endsWith(`\r\n\r\n${SLOW_BODY}`), 'the slow answer arrives whole');
  });

  test('once every answer is out, an idle connection is cut after the header timeout', async () => {
    const started = Date.now();
    const received = await exchange(port, get('/slow') + get('/fast'), Number.POSITIVE_INFINITY);
    const tookMs = Date.now() - started;
    assert.deepEqual(statusLines(received.split(/(?=HTTP\/1\.1 )/)), [
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 408 Request Timeout',
    ]);
    assert.ok(
      tookMs >= SLOW_ANSWER_MS + HEADERS_TIMEOUT_MS - 50 && tookMs < 4_000,
      `closed after ${tookMs} ms`,
    );
  });
});
