import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{4})-([a-z0-9-]+)\.sql$/;
// Any constant will do; it only has to be the same in every hipwise process sharing a database.
const MIGRATION_LOCK_ID = 480_151_702;

export async function loadMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const [index, file] of files.entries()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} must be named NNNN-name.sql`);
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new MigrationError(`Migration ${file} should be number ${index + 1}: numbers must have no gaps`);
    }
    const sql = await readFile(new URL(file, dir), 'utf8');
    migrations.push({
      version,
      name: match[2] ?? file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return migrations;
}

/**
 * Brings the database up to date in one transaction, under a lock, so several server processes
 * starting together apply each migration once. Refuses a database whose recorded history
 * differs from ours (an edited or unknown migration) rather than guess.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    for (const row of applied) {
      const ours = migrations[row.version - 1];
      if (!ours) {
        throw new MigrationError(
          `The database has migration ${row.version} (${row.name}) that this version of hipwise does not know. Run the newer hipwise, or restore a backup.`,
        );
      }
      if (ours.checksum !== row.checksum || ours.name !== row.name) {
        throw new MigrationError(
          `Migration ${row.version} (${row.name}) in the database differs from ${ours.version}-${ours.name}.sql. Migrations are forward-only: add a new one instead of editing an applied one.`,
        );
      }
    }
    const pending = migrations.slice(applied.length);
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    }
    return pending.map((m) => m.version);
  });
}
