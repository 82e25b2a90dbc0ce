import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { createLogger } from '../logger.js';
import { startServer, type RunningServer } from '../server.js';

/** Real servers on loopback, each test bounded to a few seconds. */
const quiet = { log: createLogger('silent') };
const onLoopback = { host: '127.0.0.1', port: 0, dataDir: 'memory://' };

/** Opens a raw connection and gathers what the server says until it closes. */
function rawClient(url: string) {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.on('data', (d) => (received += d.toString()));
  socket.on('error', () => {});
  const started = Date.now();
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) =>
    socket.once('close', () => resolve({ afterMs: Date.now() - started, received })),
  );
  return { socket, closed };
}

/** Sends `text` one byte every `everyMs` until the socket closes or the text runs out. */
async function trickle(socket: Socket, text: string, everyMs: number) {
  for (const ch of text) {
    if (socket.destroyed || socket.writableEnded) return;
    socket.write(ch);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: still open after ${ms} ms`)), ms),
    ),
  ]);

describe('slow clients and too many connections', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(
      { ...onLoopback, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxConnections: 8 },
      quiet,
    );
  });
  after(() => server.close({ graceMs: 0 }));

  test('trickled headers are cut with a 408 once the header timeout has passed', async () => {
    const client = rawClient(server.url);
    void trickle(
      client.socket,
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`,
      100,
    );
    const { afterMs, received } = await within(client.closed, 6_000, 'trickled headers');
    assert.match(received, /^HTTP\/1\.1 408/);
    assert.ok(afterMs >= 900 && afterMs < 3_000, `closed after ${afterMs} ms`);
  });

  test('a trickled body is cut once the request timeout has passed', async () => {
    const client = rawClient(server.url);
    const body = JSON.stringify({ email: 'slow@example.org', password: 'x'.repeat(100) });
    client.socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    void trickle(client.socket, body, 100);
    const { afterMs, received } = await within(client.closed, 6_000, 'trickled body');
    assert.match(received, /^HTTP\/1\.1 408/);
    assert.ok(afterMs >= 1_900 && afterMs < 4_000, `closed after ${afterMs} ms`);
  });

  test('a prompt client on a kept-alive connection is not cut', async () => {
    const res1 = await fetch(`${server.url}/api/health`);
    await new Promise((r) => setTimeout(r, 1_500));
    const res2 = await fetch(`${server.url}/api/health`);
    assert.deepEqual([res1.status, res2.status], [200, 200]);
  });

  test('connections beyond the limit are closed at once', async () => {
    const held = Array.from({ length: 8 }, () => rawClient(server.url));
    await Promise.all(held.map((c) => new Promise((r) => c.socket.once('connect', r))));
    await new Promise((r) => setTimeout(r, 100));
    const extra = rawClient(server.url);
    const { afterMs, received } = await within(extra.closed, 800, 'ninth connection');
    assert.equal(received, '');
    assert.ok(afterMs < 800);
    for (const c of held) c.socket.destroy();
  });
});

describe('Host header check', () => {
  const status = async (url: string, host: string) =>
    new Promise<number>((resolve, reject) => {
      const client = rawClient(url);
      client.socket.write(`GET /api/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      client.closed.then(({ received }) => resolve(Number(received.slice(9, 12))), reject);
    });

  test('on loopback only 127.0.0.1, localhost and [::1] are answered, with any port', async () => {
    const server = await startServer(onLoopback, quiet);
    try {
      const port = new URL(server.url).port;
      for (const host of [
        `127.0.0.1:${port}`,
        `localhost:${port}`,
        `[::1]:${port}`,
        'LOCALHOST',
        '127.0.0.1',
      ]) {
        assert.equal(await status(server.url, host), 200, host);
      }
      for (const host of [
        'evil.example',
        `evil.example:${port}`,
        `127.0.0.1.evil.example:${port}`,
        'localhost.evil.example',
      ]) {
        assert.equal(await status(server.url, host), 421, host);
      }
    } finally {
      await server.close();
    }
  });

  test('a hosted instance answers to its public URL host', async () => {
    const server = await startServer({ ...onLoopback, publicUrl: 'https://hipwise.example.org' }, quiet);
    try {
      assert.equal(await status(server.url, 'hipwise.example.org'), 200);
      assert.equal(await status(server.url, 'HipWise.Example.org'), 200);
      assert.equal(await status(server.url, 'hipwise.example.org.evil.example'), 421);
      assert.equal(await status(server.url, 'localhost'), 200, 'still on loopback');
    } finally {
      await server.close();
    }
  });
});

test('host policy: loopback names on loopback, the public URL host when hosted, anything only when hosted without one', async () => {
  const { hostPolicy } = await import('./host-check.js');
  assert.deepEqual(hostPolicy({ host: '127.0.0.1', publicUrl: undefined }), {
    hostnames: ['127.0.0.1', 'localhost', '[::1]'],
    hosts: [],
  });
  assert.deepEqual(hostPolicy({ host: '0.0.0.0', publicUrl: 'https://care.example.org:8443/app' }), {
    hostnames: [],
    hosts: ['care.example.org:8443'],
  });
  assert.equal(hostPolicy({ host: '0.0.0.0', publicUrl: undefined }), 'any');
});
