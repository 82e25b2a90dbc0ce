import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { lockDataDir } from './data-dir-lock.js';
import type { OpenLog } from './open-log.js';
import { compileWasmWithBaselineOnly } from './pglite-wasm.js';
import { pgliteStartParams, pgSettings, prepareDataFolder, type PgSettings } from './pglite-settings.js';

export interface PgliteOptions {
  /** Overrides of the settings for one person (HIPWISE_PG_SETTINGS). */
  settings?: Partial<PgSettings>;
  log?: Pick<OpenLog, 'info'>;
}

/** Embedded PostgreSQL for one person on their own machine; `memory://` for throw-away databases. */
export async function openPglite(dataDir: string, opts: PgliteOptions = {}): Promise<Database> {
  const settings = pgSettings(opts.settings);
  let unlock = () => {};
  if (dataDir !== 'memory://') {
    await mkdir(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    compileWasmWithBaselineOnly();
    if (dataDir !== 'memory://') await prepareDataFolder(dataDir, settings, opts.log);
    pg = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, {
      startParams: pgliteStartParams(settings),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      unlock();
    },
  };
}
