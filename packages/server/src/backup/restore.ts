import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Database, Queryable } from '../db/database.js';
import type { Migration } from '../db/migrate.js';
import { backupHeader, backupRow, backupTrailer, BackupError, type BackupHeader } from './backup-format.js';
import { quoteIdent } from './backup.js';
import { tablesInDependencyOrder } from './table-order.js';

const BATCH = 500;

/**
 * Loads a backup into an empty, migrated database in one transaction: a bad line, a cut-off
 * file or a schema mismatch rolls everything back and leaves the database as it was.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  migrations: readonly Migration[],
): Promise<Record<string, number>> {
  const lines: AsyncIterator<string> = createInterface({
    input: createReadStream(file),
    crlfDelay: Infinity,
  })[Symbol.asyncIterator]();
  let lineNo = 0;
  const next = async (): Promise<unknown> => {
    const result = await lines.next();
    if (result.done === true) return undefined;
    const value: string = result.value;
    lineNo++;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new BackupError(`Line ${lineNo} of ${file} is not valid JSON: the file is damaged.`);
    }
  };

  const parsedHeader = backupHeader.safeParse(await next());
  if (!parsedHeader.success)
    throw new BackupError(`${file} is not a hipwise backup (its first line is not a backup header).`);
  const header = parsedHeader.data;
  checkSchema(header, migrations);

  return db.transaction(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    const unknown = header.tables.filter((t) => !tables.includes(t));
    if (unknown.length > 0)
      throw new BackupError(`The backup has tables this database lacks: ${unknown.join(', ')}.`);
    await requireEmpty(tx, tables);

    const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t, 0]));
    let batch: Array<Record<string, unknown>> = [];
    let batchTable: string | undefined;
    const flush = async () => {
      if (batchTable && batch.length > 0) {
        const t = quoteIdent(batchTable);
        // OVERRIDING SYSTEM VALUE keeps identity columns (e.g. an ordering seq) as they were backed up.
        await tx.query(
          `INSERT INTO ${t} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${t}, $1::json)`,
          [JSON.stringify(batch)],
        );
        counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      }
      batch = [];
    };

    for (;;) {
      const value = await next();
      if (value === undefined)
        throw new BackupError(`${file} ends early (line ${lineNo}): the backup is incomplete.`);
      const trailer = backupTrailer.safeParse(value);
      if (trailer.success) {
        await flush();
        for (const t of header.tables) {
          if ((trailer.data.rows[t] ?? 0) !== counts[t]) {
            throw new BackupError(
              `${file} promises ${trailer.data.rows[t] ?? 0} rows of ${t} but holds ${counts[t]}.`,
            );
          }
        }
        break;
      }
      const row = backupRow.safeParse(value);
      if (!row.success || !header.tables.includes(row.data.table)) {
        throw new BackupError(
          `Line ${lineNo} of ${file} is not a row of a known table: the file is damaged.`,
        );
      }
      if (row.data.table !== batchTable || batch.length >= BATCH) {
        await flush();
        batchTable = row.data.table;
      }
      batch.push(row.data.row);
    }
    await resetSequences(tx, tables);
    return counts;
  });
}

function checkSchema(header: BackupHeader, migrations: readonly Migration[]) {
  const ours = migrations.map((m) => `${m.version}:${m.name}:${m.checksum}`).join(',');
  const theirs = header.migrations.map((m) => `${m.version}:${m.name}:${m.checksum}`).join(',');
  if (ours !== theirs) {
    const v = header.migrations.at(-1)?.version ?? 0;
    throw new BackupError(
      `This backup was made by a hipwise with database schema ${v}; this one has schema ${migrations.length}. Restore it with the same hipwise version that made it.`,
    );
  }
}

async function requireEmpty(tx: Queryable, tables: readonly string[]) {
  for (const t of tables) {
    const rows = await tx.query(`SELECT 1 FROM ${quoteIdent(t)} LIMIT 1`);
    if (rows.length > 0) {
      throw new BackupError(
        `The database already holds data (table ${t}). Restore only into a new, empty database, so nothing is overwritten.`,
      );
    }
  }
}

/** Identity and serial columns must continue after the restored rows, not collide with them. */
async function resetSequences(tx: Queryable, tables: readonly string[]) {
  const columns = await tx.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const c of columns) {
    if (!tables.includes(c.table_name)) continue;
    const t = quoteIdent(c.table_name);
    const col = quoteIdent(c.column_name);
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${col}) FROM ${t}), 0) + 1, false)`,
      [c.table_name, c.column_name],
    );
  }
}
