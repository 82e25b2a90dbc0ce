import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyFor, seqOf } from './testing/kill/numbered-writes.js';
import { exited, runTs, SERVER_MAIN, stop, type RunResult } from './testing/run-process.js';

/**
 * Issue 7, graceful shutdown: on SIGTERM the server stops taking connections, lets the requests
 * it has started finish, closes idle keep-alive connections, closes the database and exits 0.
 * The requests held in flight are real ones: clients on a slow link still sending their body.
 */

const PASSWORD = 'a long enough password';

// One store created and migrated up front, copied for each test: creating one takes seconds.
let template = '';
before(async () => {
  template = await mkdtemp(join(tmpdir(), 'hw-shutdown-template-'));
  const { run } = await startServer(template);
  const code = await stop(run.child);
  assert.equal(code, 0, `exit ${code} (signal ${run.child.signalCode}):\n${run.output}`);
});
after(() => rm(template, { recursive: true, force: true }));

async function freshStore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hw-shutdown-'));
  await cp(template, dir, { recursive: true });
  return dir;
}

async function startServer(
  dir: string,
  env: Record<string, string> = {},
): Promise<{ run: RunResult; url: URL }> {
  const run = await runTs(
    SERVER_MAIN,
    [],
    { PORT: '0', HIPWISE_DATA_DIR: dir, ...env },
    /running at (http:\S+)|could not start/,
  );
  const found = /running at (http:\S+)/.exec(run.output)?.[1];
  assert.ok(found && run.code === null, run.output);
  return { run, url: new URL(found) };
}

async function signUp(url: URL): Promise<string> {
  const res = await fetch(new URL('/api/auth/signup', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${randomUUID()}@example.org`, password: PASSWORD, timeZone: 'UTC' }),
  });
  assert.equal(res.status, 201);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/**
 * A write whose client sends headers, is told to go on (100 Continue: the server has the request
 * and runs its handler), sends half its body and then waits for `finish`.
 */
function slowWrite(url: URL, cookie: string, seq: number, agent: Agent | false = false) {
  const body = Buffer.from(JSON.stringify(bodyFor(seq)));
  const req = request(new URL('/api/stress/sessions', url), {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': String(body.length),
      expect: '100-continue',
      cookie,
      'idempotency-key': randomUUID(),
    },
  });
  const started = new Promise<void>((resolve) => req.once('continue', resolve));
  const answered = new Promise<{ status: number; text: string; connection: string | undefined }>(
    (resolve, reject) => {
      req.once('error', reject);
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.once('end', () =>
          resolve({ status: res.statusCode ?? 0, text, connection: res.headers.connection }),
        );
        res.once('error', reject);
      });
    },
  );
  // Handled here so that a reset connection in the "never finishes" case is no unhandled rejection.
  answered.catch(() => undefined);
  void started.then(() => req.write(body.subarray(0, body.length >> 1)));
  req.flushHeaders();
  return {
    started,
    answered,
    finish: () => req.end(body.subarray(body.length >> 1)),
  };
}

/** A keep-alive connection that made one request and then sits idle. */
async function idleKeepAlive(url: URL): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect(Number(url.port), url.hostname);
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(`GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`),
    );
    let seen = '';
    socket.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.startsWith('HTTP/1.1 200') && seen.includes('"ok"')) resolve();
    });
  });
  return { socket, closed };
}

/** Resolves once a new connection to `url` is refused; fails if it is still accepted after `ms`. */
async function refusedWithin(url: URL, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const outcome = await new Promise<'accepted' | 'refused'>((resolve) => {
      const s = connect(Number(url.port), url.hostname);
      s.once('connect', () => {
        s.destroy();
        resolve('accepted');
      });
      s.once('error', (err: NodeJS.ErrnoException) =>
        resolve(err.code === 'ECONNREFUSED' ? 'refused' : 'accepted'),
      );
    });
    if (outcome === 'refused') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`new connections were still accepted ${ms} ms after SIGTERM`);
}

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function storedSeqs(url: URL, cookie: string): Promise<number[]> {
  const res = await fetch(new URL('/api/me/export', url), { headers: { cookie } });
  assert.equal(res.status, 200);
  const data = (await res.json()) as {
    stressSessions: { durationSeconds: number; stressBefore: number; stressAfter: number }[];
  };
  return data.stressSessions.map(seqOf).sort((a, b) => a - b);
}

/**
 * After a clean stop: the data dir lock is gone, the store reopens, and its writes are read back
 * before it is stopped cleanly again.
 */
async function seqsAfterCleanRestart(dir: string, cookie: string): Promise<number[]> {
  assert.equal(existsSync(join(dir, 'pglite', 'hipwise.pid')), false, 'the data dir lock was released');
  const again = await startServer(dir);
  let seqs: number[];
  try {
    seqs = await storedSeqs(again.url, cookie);
  } catch (err) {
    await stop(again.run.child).catch(() => undefined);
    throw err;
  }
  assert.equal(await stop(again.run.child), 0);
  return seqs;
}

test('SIGTERM finishes in-flight requests, refuses new connections, drops idle ones, exits 0 and leaves the store clean', async () => {
  const dir = await freshStore();
  let server: RunResult | undefined;
  try {
    const first = await startServer(dir);
    server = first.run;
    const cookie = await signUp(first.url);
    const idle = await idleKeepAlive(first.url);
    // The last one comes over a keep-alive connection, as from a browser.
    const keepAlive = new Agent({ keepAlive: true });
    const writes = [0, 1, 2].map((seq) => slowWrite(first.url, cookie, seq, seq === 2 ? keepAlive : false));
    await Promise.all(writes.map((w) => w.started));

    const gone = exited(server.child);
    server.child.kill('SIGTERM');
    await refusedWithin(first.url, 10_000);
    await within(idle.closed, 10_000, 'the idle keep-alive connection closed by the server');
    // Both happened while the process was still draining the three writes.
    assert.equal(server.child.exitCode, null);
    assert.equal(server.child.signalCode, null);

    for (const w of writes) w.finish();
    const answers = await within(
      Promise.all(writes.map((w) => w.answered)),
      15_000,
      'answers to the in-flight writes',
    );
    for (const a of answers) assert.equal(a.status, 201, a.text);
    // A keep-alive client is told the connection ends, rather than left holding it open.
    assert.equal(answers[2]!.connection, 'close');
    keepAlive.destroy();
    assert.equal(await within(gone, 15_000, 'exit after SIGTERM'), 0, server.output);
    assert.deepEqual(await seqsAfterCleanRestart(dir, cookie), [0, 1, 2]);
  } finally {
    if (server) await stop(server.child).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

test('a request that never finishes cannot hold the shutdown past the grace period', async () => {
  const dir = await freshStore();
  let server: RunResult | undefined;
  try {
    const first = await startServer(dir, { HIPWISE_SHUTDOWN_GRACE_MS: '1000' });
    server = first.run;
    const cookie = await signUp(first.url);
    const stuck = slowWrite(first.url, cookie, 0);
    await stuck.started;

    const gone = exited(server.child);
    server.child.kill('SIGTERM');
    assert.equal(await within(gone, 15_000, 'exit after SIGTERM with a stuck request'), 0, server.output);
    await assert.rejects(stuck.answered, 'the stuck request was cut off, not answered');
    assert.deepEqual(await seqsAfterCleanRestart(dir, cookie), []);
  } finally {
    if (server) await stop(server.child).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

test('a second signal stops at once instead of waiting for the requests in flight', async () => {
  const dir = await freshStore();
  let server: RunResult | undefined;
  try {
    const first = await startServer(dir);
    server = first.run;
    const stuck = slowWrite(first.url, await signUp(first.url), 0);
    await stuck.started;

    const gone = exited(server.child);
    server.child.kill('SIGTERM');
    await refusedWithin(first.url, 10_000); // the first signal was taken: draining has begun
    server.child.kill('SIGINT');
    // Well inside the 10 s default grace period the stuck request would otherwise get.
    assert.equal(await within(gone, 5_000, 'exit after the second signal'), 1, server.output);
    await assert.rejects(stuck.answered);
  } finally {
    if (server) await stop(server.child).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});
