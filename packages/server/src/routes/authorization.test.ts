import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { testApp, type TestApp } from '../testing/test-app.js';

/** Routes anyone may call: they read or write no personal data. */
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/signup', 'POST /api/auth/login', 'POST /api/auth/logout']);

/** Every method + path the app registers under /api, read from the router itself. */
function apiRoutes(): Array<{ method: string; path: string }> {
  const t = createApp({
    db: undefined as never,
    clock: { now: () => new Date() },
    log: createLogger('silent'),
    hasher: argon2Hasher(),
    newToken: () => 'x',
    trustProxy: false,
    features: { disabledInstruments: [] },
  });
  const seen = new Set<string>();
  return t.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
    .filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({ method: r.method, path: r.path }));
}

describe('every personal route needs a session', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp('pglite');
  });
  after(() => t.close());

  test('without a session cookie each one answers 401 and touches nothing', async () => {
    const routes = apiRoutes();
    // A guard against the list silently shrinking (e.g. a router change hiding routes).
    assert.ok(routes.length >= 40, `only ${routes.length} routes found`);
    const personal = routes.filter((r) => !PUBLIC.has(`${r.method} ${r.path}`));
    for (const { method, path } of personal) {
      const url = path.replace(/:[A-Za-z]+/g, randomUUID());
      const res = await t.request(url, {
        method,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: method === 'GET' || method === 'HEAD' ? null : '{}',
      });
      assert.equal(res.status, 401, `${method} ${path} answered ${res.status} without a session`);
    }
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    assert.equal(rows[0]?.n, 0);
  });
});
