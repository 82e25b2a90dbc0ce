import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkinCall, testApp } from '../testing/test-app.js';
import { loadMigrations, migrate } from './migrate.js';
import { openDatabase } from './open-database.js';

/** The files under `dir` whose raw bytes contain `text`. */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const needle = Buffer.from(text);
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) found.push(path.slice(dir.length + 1));
  }
  return found;
}

test("after an account is deleted, its email and notes are not in the embedded database's files", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hw-erase-'));
  try {
    const db = await openDatabase({ dataDir, databaseUrl: undefined, dbPoolSize: 1 });
    await migrate(db, await loadMigrations());
    const t = await testApp('pglite', { database: db });
    const gone = await t.newUser({ email: 'leaving-person@example.org' });
    const stays = await t.newUser({ email: 'staying-person@example.org' });
    const goneNote = 'GONE-NOTE my sciatica flares on the commute';
    const staysNote = 'STAYS-NOTE walking helps';
    assert.equal((await checkinCall(gone, { pain: 6, stress: 5, note: goneNote })).status, 201);
    assert.equal((await checkinCall(stays, { pain: 2, stress: 1, note: staysNote })).status, 201);
    await db.query('CHECKPOINT');
    assert.notDeepEqual(await filesHolding(dataDir, goneNote), [], 'the search finds text that is there');

    assert.equal(
      (await gone.call('/api/me', { method: 'DELETE', json: { password: gone.password } })).status,
      204,
    );
    assert.deepEqual(await filesHolding(dataDir, 'leaving-person@example.org'), []);
    assert.deepEqual(await filesHolding(dataDir, goneNote), []);
    assert.notDeepEqual(await filesHolding(dataDir, staysNote), [], "the other user's data is still there");
    assert.equal((await stays.call('/api/today')).status, 200);
    await t.close();
    await db.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
