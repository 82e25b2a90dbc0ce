/**
 * `npm run admin -- create EMAIL | list | demote EMAIL`: roles on the command line, with the same
 * configuration as the server (HIPWISE_DATA_DIR or DATABASE_URL).
 */
import { ConfigError, loadConfig } from '../config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { loadMigrations, migrate, MigrationError } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { adminCommand, AdminCommandError } from './admin.js';

async function run(args: readonly string[]): Promise<void> {
  const config = loadConfig(process.env);
  const db = await openDatabase(config, { info: () => {}, warn: (message) => console.error(message) });
  try {
    await migrate(db, await loadMigrations());
    for (const line of await adminCommand(db, argon2Hasher(), args, new Date())) console.log(line);
  } finally {
    await db.close();
  }
}

try {
  await run(process.argv.slice(2));
} catch (err) {
  const expected = [AdminCommandError, ConfigError, DataDirInUseError, MigrationError].some(
    (E) => err instanceof E,
  );
  console.error(expected ? `hipwise admin: ${(err as Error).message}` : err);
  process.exit(1);
}
