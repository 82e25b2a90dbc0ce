import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs `npm start`'s server process until it prints a line matching `until` or exits. */
function runMain(env: Record<string, string>, until: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HIPWISE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<{ output: string; code: number | null; child: typeof child }>((resolve) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until.test(output)) resolve({ output, code: null, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code, child }));
  });
}

test('the server starts on an embedded database, prints its URL, serves, and stops on SIGTERM', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hw-main-'));
  try {
    const run = await runMain({ PORT: '0', HIPWISE_DATA_DIR: dir }, /running at (http:\S+)/);
    const url = /running at (http:\S+)/.exec(run.output)?.[1];
    assert.ok(url, run.output);
    const res = await fetch(`${url}/api/health`);
    assert.equal(res.status, 200);
    const exited = new Promise((r) => run.child.on('exit', r));
    run.child.kill('SIGTERM');
    assert.equal(await exited, 0);
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
