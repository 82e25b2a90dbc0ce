import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, stop } from './testing/run-process.js';

const BUILD = fileURLToPath(new URL('../build.mjs', import.meta.url));
// Inside the package, so that the bundle finds its dependencies in node_modules as dist/ does.
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

test('the built server runs on plain node (no TypeScript loader), creating and reopening its database', async () => {
  const out = await mkdtemp(join(PACKAGE_DIR, '.built-test-'));
  const data = join(out, 'data');
  try {
    execFileSync(process.execPath, [BUILD, `--outdir=${out}`], { stdio: 'pipe' });
    const env = { PORT: '0', HIPWISE_DATA_DIR: data, HIPWISE_LOG_LEVEL: 'info', NODE_OPTIONS: '' };
    for (const start of ['first', 'second']) {
      const run = await runNode([join(out, 'main.js')], env, /running at (http:\S+)/);
      const url = /running at (http:\S+)/.exec(run.output)?.[1];
      assert.ok(url, `${start} start: ${run.output}`);
      assert.equal((await fetch(`${url}/api/health`)).status, 200);
      assert.equal(await stop(run.child), 0);
      // The log is written asynchronously: it may come after the line waited for.
      await run.closed;
      if (start === 'first') assert.match(run.output, /database migrated/);
      // A new folder gets the settings as it is made: nothing to announce, now or later.
      assert.doesNotMatch(run.output, /settings updated/);
    }
    assert.ok(existsSync(join(data, 'pglite', 'PG_VERSION')));
    assert.match(readFileSync(join(data, 'pglite', 'postgresql.conf'), 'utf8'), /\nshared_buffers = 16MB\n/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
