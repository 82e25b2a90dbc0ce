import { randomBytes } from 'node:crypto';
import { Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { defaultConfig, type Config } from './config.js';
import type { Database } from './db/database.js';
import { loadMigrations, migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { createLogger, type Logger } from './logger.js';
import { hostPolicy } from './http/host-check.js';
import { cutSlowClients } from './http/slow-clients.js';
import { argon2Hasher } from './services/password-hasher.js';
import { promoteAtStart } from './cli/admin.js';

export interface RunningServer {
  url: string;
  db: Database;
  log: Logger;
  /**
   * Stops taking connections, lets the requests in flight finish, then closes the database.
   * Requests still running after `graceMs` (default 10 s) are cut off, so a stalled client
   * cannot hold the shutdown for ever.
   */
  close(opts?: { graceMs?: number }): Promise<void>;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

function listen(server: ServerType, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port.`,
            )
          : err,
      );
    });
    server.once('listening', () => resolve(server.address() as AddressInfo));
  });
}

/**
 * Graceful close for a Node HTTP server. `server.close()` alone waits for every connection to end:
 * a keep-alive connection whose request was in flight would stay open, idle, until its client or
 * the keep-alive timeout ends it. So while draining, responses not yet started say
 * `Connection: close`, and connections that fall idle are closed at once.
 */
function drainer(server: HttpServer, log: Logger) {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) res.shouldKeepAlive = false;
    res.once('finish', () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    res.once('close', () => inFlight.delete(res));
  });
  return async (graceMs: number) => {
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    // Node closes the idle connections itself here.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const timer = setTimeout(() => {
      log.warn(
        { requests: inFlight.size, graceMs },
        'requests still running after the shutdown grace period were cut off',
      );
      server.closeAllConnections();
    }, graceMs);
    try {
      await closed;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Opens the database, brings its schema up to date, and serves the app. */
export async function startServer(
  overrides: Partial<Config> = {},
  extra: { clock?: Clock; log?: Logger } = {},
): Promise<RunningServer> {
  const config = defaultConfig(overrides);
  const log = extra.log ?? createLogger(config.logLevel);
  const db = await openDatabase(config, log);
  try {
    const applied = await migrate(db, await loadMigrations());
    if (applied.length > 0) log.info({ applied, db: db.kind }, 'database migrated');
    if (config.adminEmail) {
      const outcome = await promoteAtStart(db, config.adminEmail, (extra.clock ?? systemClock).now());
      if (outcome === 'missing') {
        log.warn(
          { email: config.adminEmail },
          'HIPWISE_ADMIN_EMAIL names no account: sign up with it and restart, or use npm run admin -- create',
        );
      } else if (outcome === 'promoted') {
        log.info({ email: config.adminEmail }, 'HIPWISE_ADMIN_EMAIL: the account is now an admin');
      }
    }
    const app = createApp({
      db,
      log,
      clock: extra.clock ?? systemClock,
      hasher: argon2Hasher(),
      newToken: () => randomBytes(32).toString('base64url'),
      trustProxy: config.trustProxy,
      features: config.features,
      hosts: hostPolicy(config),
      hideAccountExistence: config.hideAccountExistence,
      webDir: config.webDir,
      oidc: config.oidc,
    });
    if (hostPolicy(config) === 'any') {
      log.warn(
        { host: config.host },
        'any Host header is served: set HIPWISE_PUBLIC_URL to the address people use',
      );
    }
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
    // serve() makes a plain node:http server unless told otherwise; the drain relies on its API.
    if (!(server instanceof HttpServer)) throw new Error('expected a node:http server');
    cutSlowClients(server, config);
    const drain = drainer(server, log);
    const address = await listen(server, config.host, config.port);
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${shownHost}:${address.port}`,
      db,
      log,
      async close({ graceMs = DEFAULT_SHUTDOWN_GRACE_MS } = {}) {
        await drain(graceMs);
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
