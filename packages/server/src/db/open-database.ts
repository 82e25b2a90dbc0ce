import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';
import { join } from 'node:path';

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'> & Partial<Pick<Config, 'pgSettings'>>,
  log?: Pick<Logger, 'info'>,
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.dbPoolSize);
  return openPglite(config.dataDir === 'memory://' ? 'memory://' : join(config.dataDir, 'pglite'), {
    settings: config.pgSettings,
    log,
  });
}
