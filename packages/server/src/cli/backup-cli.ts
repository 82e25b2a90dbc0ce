/**
 * `npm run backup -- FILE` and `npm run restore -- FILE`: the same configuration as the server
 * (HIPWISE_DATA_DIR or DATABASE_URL), a JSON-lines file that restores into either store.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { loadMigrations, migrate, MigrationError } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { backupDatabase } from '../backup/backup.js';
import { BackupError } from '../backup/backup-format.js';
import { restoreDatabase } from '../backup/restore.js';

const USAGE = 'usage: npm run backup -- FILE   |   npm run restore -- FILE';

async function run(command: string | undefined, fileArg: string | undefined): Promise<void> {
  if ((command !== 'backup' && command !== 'restore') || !fileArg) throw new BackupError(USAGE);
  const file = resolve(fileArg);
  const config = loadConfig(process.env);
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${config.dataDir}`;
  const db = await openDatabase(config, { info: () => {}, warn: (message) => console.error(message) });
  try {
    const migrations = await loadMigrations();
    await migrate(db, migrations);
    const counts =
      command === 'backup'
        ? await backupDatabase(db, file, new Date())
        : await restoreDatabase(db, file, migrations);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const verb = command === 'backup' ? `Backed up ${where} to ${file}` : `Restored ${file} into ${where}`;
    console.log(
      `${verb}: ${total} rows (${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}).`,
    );
  } finally {
    await db.close();
  }
}

try {
  await run(process.argv[2], process.argv[3]);
} catch (err) {
  const expected = [BackupError, ConfigError, DataDirInUseError, MigrationError].some(
    (E) => err instanceof E,
  );
  console.error(expected ? `hipwise ${process.argv[2] ?? ''}: ${(err as Error).message}` : err);
  process.exit(1);
}
