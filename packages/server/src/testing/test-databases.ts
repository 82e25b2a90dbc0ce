import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { loadMigrations, migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';

export type DatabaseKind = Database['kind'];

/** The PostgreSQL server `npm test` starts; undefined when a test file is run on its own without one. */
export const TEST_POSTGRES_URL = process.env.HIPWISE_TEST_DATABASE_URL;

export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Why a PostgreSQL suite is skipped, or false when it can run. */
export const skipPostgres = (kind: DatabaseKind): string | false =>
  kind === 'postgres' && !TEST_POSTGRES_URL
    ? 'HIPWISE_TEST_DATABASE_URL is not set: run through `npm test`, which starts PostgreSQL'
    : false;

/**
 * A fresh, empty database of the given kind: in-memory PGlite, or a new database on the test
 * PostgreSQL server (dropped again by `drop`), so test files never see each other's rows.
 */
export async function freshDatabase(
  kind: DatabaseKind,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<{ db: Database; url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openPglite('memory://');
    if (migrated) await migrate(db, await loadMigrations());
    return { db, drop: () => db.close() };
  }
  if (!TEST_POSTGRES_URL) throw new Error('HIPWISE_TEST_DATABASE_URL is not set');
  const name = `hw_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  if (migrated) await migrate(db, await loadMigrations());
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
