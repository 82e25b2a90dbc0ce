import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUP_CLI, runTs, SERVER_MAIN, stop } from '../testing/run-process.js';

const dir = await mkdtemp(join(tmpdir(), 'hw-cli-'));
after(() => rm(dir, { recursive: true, force: true }));

const cli = (args: string[], dataDir: string) => runTs(BACKUP_CLI, args, { HIPWISE_DATA_DIR: dataDir }, /$^/);
const server = (dataDir: string) =>
  runTs(SERVER_MAIN, [], { PORT: '0', HIPWISE_DATA_DIR: dataDir }, /running at (http:\S+)|could not start/);
const urlOf = (output: string) => /running at (http:\S+)/.exec(output)?.[1];

const account = { email: 'cli@example.org', password: 'a long enough password', timeZone: 'UTC' };
const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

test('npm run backup and restore move a PGlite database to a new folder, and never touch one in use', async () => {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const file = join(dir, 'hipwise.jsonl');

  const first = await server(a);
  const url = urlOf(first.output);
  assert.ok(url, first.output);
  assert.equal((await post(url, '/api/auth/signup', account)).status, 201);

  const busy = await cli(['backup', file], a);
  assert.equal(busy.code, 1);
  assert.match(busy.output, /in use by another hipwise process/);
  const second = await server(a);
  assert.match(second.output, /could not start: The data in .* is in use by another hipwise process/);
  await stop(second.child);
  assert.equal(await stop(first.child), 0);

  const backup = await cli(['backup', file], a);
  assert.equal(backup.code, 0, backup.output);
  assert.match(
    backup.output,
    /Backed up the embedded database in .* to .*hipwise\.jsonl: \d+ rows \(.*users 1/,
  );

  const restore = await cli(['restore', file], b);
  assert.equal(restore.code, 0, restore.output);
  assert.match(restore.output, /Restored .* into the embedded database in .*users 1/);
  const again = await cli(['restore', file], b);
  assert.equal(again.code, 1);
  assert.match(again.output, /already holds data/);

  const restored = await server(b);
  const url2 = urlOf(restored.output);
  assert.ok(url2, restored.output);
  try {
    const login = await post(url2, '/api/auth/login', { email: account.email, password: account.password });
    assert.equal(login.status, 200);
  } finally {
    await stop(restored.child);
  }
});

test('the commands explain their usage', async () => {
  const run = await cli([], join(dir, 'unused'));
  assert.equal(run.code, 1);
  assert.match(run.output, /usage: npm run backup -- FILE/);
});
