import { constants, existsSync } from 'node:fs';
import { link, open, rm, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import type { Database } from '../db/database.js';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, type BackupHeader } from './backup-format.js';
import { tablesInDependencyOrder } from './table-order.js';

const PAGE = 1000;

/**
 * Writes every table to `file` as JSON lines, from one consistent snapshot (a REPEATABLE READ
 * transaction on PostgreSQL; PGlite has one connection, so nothing writes meanwhile). The file is
 * written beside the target and linked to its name at the end, so a failed backup never leaves a
 * half file under the name asked for. The same format restores into either store.
 *
 * A backup holds everyone's data, so both names are created new, readable by the owner only, and
 * never through a link someone planted: O_EXCL refuses any existing name, symlinks included, and
 * link() refuses to replace a file that appeared meanwhile.
 */
export async function backupDatabase(db: Database, file: string, now: Date): Promise<Record<string, number>> {
  if (existsSync(file)) throw alreadyExists(file);
  const partial = `${file}.partial`;
  const out = (await createPrivate(partial)).createWriteStream();
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const tables = await tablesInDependencyOrder(tx);
      const migrations = await tx.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      );
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        source: db.kind,
        migrations,
        tables,
      };
      await write(header);
      for (const table of tables) {
        counts[table] = 0;
        // ctid pages through the table without needing to know its key.
        for (let offset = 0; ; offset += PAGE) {
          const rows = await tx.query<{ row: Record<string, unknown> }>(
            `SELECT row_to_json(t) AS row FROM ${quoteIdent(table)} t ORDER BY ctid LIMIT ${PAGE} OFFSET ${offset}`,
          );
          for (const r of rows) await write({ table, row: r.row });
          counts[table] += rows.length;
          if (rows.length < PAGE) break;
        }
      }
      await write({ end: true, rows: counts });
    });
    out.end();
    await once(out, 'finish');
    await link(partial, file).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EEXIST' ? alreadyExists(file) : err;
    });
    await rm(partial);
    return counts;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

const alreadyExists = (file: string) =>
  new BackupError(`${file} already exists. Choose another file name, or delete it first.`);

async function createPrivate(path: string): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  try {
    return await open(path, flags, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    throw new BackupError(
      `${path} already exists (left by a backup that stopped, or put there by someone else). Check it, delete it, and try again.`,
    );
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
