import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from './database.js';
import { loadMigrations, migrate, MigrationError, type Migration } from './migrate.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres } from '../testing/test-databases.js';

for (const kind of DATABASE_KINDS) {
  describe(`migrations on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let migrations: Migration[];
    before(async () => {
      ({ db, drop } = await freshDatabase(kind, { migrated: false }));
      migrations = await loadMigrations();
    });
    after(() => drop());

    test('the first run applies every migration, the second none', async () => {
      assert.deepEqual(
        await migrate(db, migrations),
        migrations.map((m) => m.version),
      );
      assert.deepEqual(await migrate(db, migrations), []);
      const tables = await db.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      const declared = migrations.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((x) => x[1]));
      assert.ok(declared.includes('users') && declared.includes('checkins'));
      assert.deepEqual(
        tables.map((t) => t.name),
        [...declared, 'schema_migrations'].sort(),
      );
    });

    test('several processes migrating at once apply each migration once', async () => {
      const results = await Promise.all([migrate(db, migrations), migrate(db, migrations)]);
      assert.deepEqual(results, [[], []]);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]?.n, migrations.length);
    });

    test('an edited migration is refused', async () => {
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
      await assert.rejects(
        migrate(db, edited),
        (e: unknown) => e instanceof MigrationError && /forward-only/.test(e.message),
      );
    });

    test('a database from a newer hipwise is refused', async () => {
      await assert.rejects(
        migrate(db, migrations.slice(0, 0)),
        (e: unknown) => e instanceof MigrationError && /does not know/.test(e.message),
      );
    });

    test('a failing migration leaves no trace', async () => {
      const broken: Migration = {
        version: migrations.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (id int); SELECT nonsense_column FROM users;',
        checksum: 'x',
      };
      await assert.rejects(migrate(db, [...migrations, broken]));
      const rows = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      assert.equal(rows.length, 0);
    });
  });
}

test('migration files must be numbered without gaps', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hw-mig-'));
  await writeFile(join(dir, '0001-a.sql'), 'SELECT 1;');
  await writeFile(join(dir, '0003-c.sql'), 'SELECT 1;');
  await assert.rejects(loadMigrations(pathToFileURL(`${dir}/`)), /should be number 2/);
});
