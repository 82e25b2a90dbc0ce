import type { Config } from '../config.js';
import type { Database } from './database.js';
import { eraseFreedSpace } from './erase-freed-space.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';
import { openPrivately } from './private-data-dir.js';
import { join } from 'node:path';

/** `report` hears about anything worth a line in the log (such as data file modes repaired). */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'>,
  report: (message: string) => void = () => {},
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.dbPoolSize);
  if (config.dataDir === 'memory://') return openPglite('memory://');
  const db = await openPrivately(config.dataDir, () => openPglite(join(config.dataDir, 'pglite')), report);
  return { ...db, eraseFreedSpace: () => eraseFreedSpace(db) };
}
