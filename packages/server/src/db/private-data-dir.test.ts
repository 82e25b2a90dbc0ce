import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open-database.js';

/** Every file and folder under `dir` that group or others may read, write or enter. */
async function openToOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const path of [dir, ...entries.map((e) => join(e.parentPath, e.name))]) {
    if (((await stat(path)).mode & 0o077) !== 0) found.push(path);
  }
  return found;
}

test('the embedded database is private to its user, and an existing folder is repaired', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'hw-modes-'));
  const dataDir = join(parent, 'data');
  const config = { dataDir, databaseUrl: undefined, dbPoolSize: 1 };
  try {
    const db = await openDatabase(config);
    await db.exec('CREATE TABLE notes (body text); INSERT INTO notes VALUES ($$my back hurts$$)');
    assert.deepEqual(await openToOthers(dataDir), []);
    assert.equal((await stat(dataDir)).mode & 0o777, 0o700);
    await db.close();

    // A folder left by an older version, or copied with loose modes.
    await chmod(dataDir, 0o755);
    await chmod(join(dataDir, 'pglite', 'PG_VERSION'), 0o666);
    const reports: string[] = [];
    const again = await openDatabase(config, { info: () => {}, warn: (m) => reports.push(m) });
    assert.deepEqual(await openToOthers(dataDir), []);
    assert.equal(reports.length, 1);
    assert.match(reports[0]!, /made 2 files and folders in .* private/);
    assert.deepEqual(await again.query('SELECT body FROM notes'), [{ body: 'my back hurts' }]);
    await again.close();
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
