import type { Config } from '../config.js';
import type { Database } from './database.js';
import type { OpenLog } from './open-log.js';
import { eraseFreedSpace } from './erase-freed-space.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';
import { openPrivately } from './private-data-dir.js';
import { join } from 'node:path';

/** `log` hears about anything worth a line in the log (settings updated, file modes repaired). */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'> & Partial<Pick<Config, 'pgSettings'>>,
  log?: OpenLog,
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.dbPoolSize);
  if (config.dataDir === 'memory://') return openPglite('memory://', { settings: config.pgSettings });
  const db = await openPrivately(
    config.dataDir,
    () => openPglite(join(config.dataDir, 'pglite'), { settings: config.pgSettings, log }),
    (message) => log?.warn(message),
  );
  return { ...db, eraseFreedSpace: () => eraseFreedSpace(db) };
}
