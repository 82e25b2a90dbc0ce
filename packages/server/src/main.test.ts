import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTs, SERVER_MAIN, stop } from './testing/run-process.js';

const runMain = (env: Record<string, string>, until: RegExp) => runTs(SERVER_MAIN, [], env, until);

test('the server starts on an embedded database, prints its URL, serves, and stops on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hw-main-'));
  try {
    const run = await runMain({ PORT: '0', HIPWISE_DATA_DIR: dir }, /running at (http:\S+)/);
    const url = /running at (http:\S+)/.exec(run.output)?.[1];
    assert.ok(url, run.output);
    const res = await fetch(`${url}/api/health`);
    assert.equal(res.status, 200);
    assert.equal(await stop(run.child), 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a taken port gives one clear sentence and exit code 1', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  try {
    const run = await runMain({ PORT: String(port), HIPWISE_DATA_DIR: 'memory://' }, /$^/);
    assert.equal(run.code, 1);
    assert.match(run.output, new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
    assert.doesNotMatch(run.output, /\n\s+at /, 'no stack trace for an expected failure');
  } finally {
    blocker.close();
  }
});

test('bad configuration gives the variable and exit code 1', async () => {
  const run = await runMain({ PORT: 'abc' }, /$^/);
  assert.equal(run.code, 1);
  assert.match(run.output, /PORT: must be a port number/);
});

test('a bad shutdown grace period is refused at start-up with the variable named', async () => {
  const run = await runMain(
    { PORT: '0', HIPWISE_DATA_DIR: 'memory://', HIPWISE_SHUTDOWN_GRACE_MS: 'soon' },
    /$^/,
  );
  assert.equal(run.code, 1);
  assert.match(run.output, /HIPWISE_SHUTDOWN_GRACE_MS: must be 0 to 600000 milliseconds/);
});
