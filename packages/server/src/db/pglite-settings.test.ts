import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from './pglite-database.js';
import { ONE_PERSON_PG_SETTINGS, pgSettings, sizeInKb, writeSettingsToConf } from './pglite-settings.js';

function tempDir(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'hipwise-pgconf-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// The lines initdb writes that these settings concern, as in a folder made by an older hipwise.
const INITDB_CONF = `max_connections = 100			# (change requires restart)
shared_buffers = 128MB			# min 128kB
#work_mem = 4MB				# min 64kB
max_wal_size = 1GB
min_wal_size = 80MB
timezone = UTC
`;

test('sizes are read in kB from kB, MB and GB, and nothing else', () => {
  assert.deepEqual(['512kB', '16MB', '1GB', "'2MB'"].map(sizeInKb), [512, 16384, 1048576, 2048]);
  assert.deepEqual(['16', '16mb', '1.5GB', '-1MB', ''].map(sizeInKb), [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test('postgresql.conf gets the settings once, in one block, and keeps its other lines and mode', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'postgresql.conf');
  writeFileSync(file, INITDB_CONF, { mode: 0o600 });

  const changes = await writeSettingsToConf(dir, pgSettings());
  assert.deepEqual(
    changes.filter((c) => ['shared_buffers', 'work_mem', 'max_wal_size'].includes(c.name)),
    [
      { name: 'shared_buffers', from: '128MB', to: '16MB' },
      { name: 'max_wal_size', from: '1GB', to: '64MB' },
      { name: 'work_mem', from: undefined, to: '2MB' },
    ],
  );
  assert.equal(changes.length, Object.keys(ONE_PERSON_PG_SETTINGS).length);
  const written = readFileSync(file, 'utf8');
  assert.ok(written.startsWith(INITDB_CONF), 'the lines initdb wrote stay as they were');
  assert.match(written, /\nshared_buffers = 16MB\n/);
  assert.equal(statSync(file).mode & 0o777, 0o600);

  assert.deepEqual(
    await writeSettingsToConf(dir, pgSettings()),
    [],
    'a second start finds nothing to change',
  );

  const bigger = await writeSettingsToConf(dir, pgSettings({ shared_buffers: '128MB' }));
  assert.deepEqual(bigger, [{ name: 'shared_buffers', from: '16MB', to: '128MB' }]);
  const again = readFileSync(file, 'utf8');
  assert.equal(again.split('# hipwise: settings').length, 2, 'one block, replaced, not a second one');
  assert.match(again, /\nshared_buffers = 128MB\n/);
});

test('the embedded database runs with the settings for one person, new or existing, and says so once', async (t) => {
  const dir = tempDir(t);
  const logged: unknown[] = [];
  const log = { info: (obj: unknown) => void logged.push(obj) };
  const show = async (db: Awaited<ReturnType<typeof openPglite>>) =>
    Object.fromEntries(
      (
        await db.query<{ name: string; setting: string }>(
          "SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size', 'work_mem') ORDER BY 1",
        )
      ).map((r) => [r.name, r.setting]),
    );

  // A new folder: created, then opened with the settings; nothing to announce.
  let db = await openPglite(dir, { log });
  assert.deepEqual(await show(db), { max_wal_size: '64MB', shared_buffers: '16MB', work_mem: '2MB' });
  await db.close();
  assert.equal(logged.length, 0);

  // A folder from before these settings: its postgresql.conf still has initdb's values.
  const conf = join(dir, 'postgresql.conf');
  writeFileSync(conf, readFileSync(conf, 'utf8').replace(/# hipwise: settings[\s\S]*$/, ''));
  db = await openPglite(dir, { log });
  await db.close();
  assert.equal(logged.length, 1);
  assert.match(JSON.stringify(logged[0]), /shared_buffers: 128MB -> 16MB/);
  db = await openPglite(dir, { log, settings: { work_mem: '4MB' } });
  assert.deepEqual((await show(db)).work_mem, '4MB');
  await db.close();
  assert.equal(logged.length, 2, 'a changed override is said once more');
  db = await openPglite(dir, { log, settings: { work_mem: '4MB' } });
  await db.close();
  assert.equal(logged.length, 2);
});

test('a throw-away database in memory gets the same settings', async () => {
  const db = await openPglite('memory://');
  try {
    const rows = await db.query<{ s: string }>("SELECT current_setting('shared_buffers') AS s");
    assert.equal(rows[0]?.s, '16MB');
  } finally {
    await db.close();
  }
});
