import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { defaultConfig, type Config } from './config.js';
import type { Database } from './db/database.js';
import { loadMigrations, migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { createLogger, type Logger } from './logger.js';
import { argon2Hasher } from './services/password-hasher.js';

export interface RunningServer {
  url: string;
  db: Database;
  log: Logger;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

function listen(server: ServerType, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port.`)
          : err,
      );
    });
    server.once('listening', () => resolve(server.address() as AddressInfo));
  });
}

/** Opens the database, brings its schema up to date, and serves the app. */
export async function startServer(
  overrides: Partial<Config> = {},
  extra: { clock?: Clock; log?: Logger } = {},
): Promise<RunningServer> {
  const config = defaultConfig(overrides);
  const log = extra.log ?? createLogger(config.logLevel);
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db, await loadMigrations());
    if (applied.length > 0) log.info({ applied, db: db.kind }, 'database migrated');
    const app = createApp({
      db,
      log,
      clock: extra.clock ?? systemClock,
      hasher: argon2Hasher(),
      newToken: () => randomBytes(32).toString('base64url'),
      trustProxy: config.trustProxy,
      features: config.features,
      webDir: config.webDir,
    });
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
    const address = await listen(server, config.host, config.port);
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${shownHost}:${address.port}`,
      db,
      log,
      async close() {
        // Stop taking connections, let in-flight requests finish, then close the database.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
