import assert from 'node:assert/strict';
import { createApp } from '../app.js';
import type { Queryable } from '../db/database.js';
import { createLogger } from '../logger.js';
import { argon2Hasher } from '../services/password-hasher.js';

/**
 * The API surface that the security tests walk, read from the router itself so that a new route
 * cannot slip past them, and a fingerprint of the stored rows to prove a request changed nothing.
 */

export interface ApiRoute {
  method: string;
  /** Hono's pattern, e.g. `/api/exercise-sessions/:id`. */
  path: string;
  /** `METHOD path`, the key the tests' tables use. */
  key: string;
}

/** Routes anyone may call: they read or write no personal data. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/instance',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // Single sign-on's round trip through the provider: they lead to a session, never to data.
  'GET /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
]);

/** Every method + path the app registers under /api (middleware and the 404 catch-all left out). */
export function apiRoutes(): ApiRoute[] {
  const app = createApp({
    db: undefined as never,
    clock: { now: () => new Date() },
    log: createLogger('silent'),
    hasher: argon2Hasher(),
    newToken: () => 'x',
    trustProxy: false,
    features: { disabledInstruments: [], publicUrl: 'http://127.0.0.1:8080' },
    hosts: 'any',
    hideAccountExistence: false,
  });
  const seen = new Set<string>();
  const routes: ApiRoute[] = [];
  for (const r of app.routes) {
    if (!r.path.startsWith('/api/') || r.method === 'ALL' || r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    // A route with its own middleware (e.g. requireUser) is listed once per handler.
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: r.method, path: r.path, key });
  }
  // A guard against the list silently shrinking (e.g. a router change hiding routes).
  assert.ok(routes.length >= 40, `only ${routes.length} API routes found in the router`);
  return routes;
}

/** Fails, naming them, when a test's table misses routes of the router or names routes it no longer has. */
export function assertCoversRoutes(routes: readonly ApiRoute[], table: Iterable<string>, what: string): void {
  const listed = new Set(table);
  const missing = routes.filter((r) => !listed.has(r.key)).map((r) => r.key);
  const known = new Set(routes.map((r) => r.key));
  const stale = [...listed].filter((k) => !known.has(k));
  assert.deepEqual(
    { missing, stale },
    { missing: [], stale: [] },
    `${what} must classify every API route: add the missing ones, remove the stale ones`,
  );
}

export interface TableSum {
  table: string;
  rows: number;
  md5: string;
}

/**
 * Row count and an md5 over every row of every table (the list read from information_schema, so
 * tables added later are covered). With `userId`, only that user's rows: tables with a user_id
 * column and the user's own row in users; tables that belong to no user are left out.
 */
export async function tableSums(db: Queryable, opts: { userId?: string } = {}): Promise<TableSum[]> {
  const scope = opts.userId === undefined ? 'all' : 'user';
  let cached = sumQueries.get(db);
  if (!cached) {
    cached = await sumQueriesOf(db);
    sumQueries.set(db, cached);
  }
  return db.query<TableSum>(cached[scope], opts.userId === undefined ? [] : [opts.userId]);
}

/** The two queries per database: reading information_schema costs more than the sums themselves. */
const sumQueries = new WeakMap<Queryable, { all: string; user: string }>();

async function sumQueriesOf(db: Queryable): Promise<{ all: string; user: string }> {
  const tables = await db.query<{ table_name: string; has_user: boolean }>(
    `SELECT t.table_name,
            EXISTS (SELECT 1 FROM information_schema.columns c
                    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                      AND c.column_name = 'user_id') AS has_user
       FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_name`,
  );
  assert.ok(tables.length > 0, 'no tables found in information_schema');
  const sum = (name: string, where: string) =>
    `SELECT '${name.replaceAll("'", "''")}' AS "table", count(*)::int AS rows,
            md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5
       FROM "${name.replaceAll('"', '""')}" x ${where}`;
  const all = tables.map((t) => sum(t.table_name, ''));
  const user = tables.flatMap((t) =>
    t.has_user
      ? [sum(t.table_name, 'WHERE x.user_id = $1')]
      : t.table_name === 'users'
        ? [sum('users', 'WHERE x.id = $1')]
        : [],
  );
  const query = (parts: string[]) => `SELECT * FROM (${parts.join(' UNION ALL ')}) sums ORDER BY 1`;
  return { all: query(all), user: query(user) };
}
