import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { authService } from '../services/auth-service.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { testApp, type TestApp } from '../testing/test-app.js';
import type { AppEnv } from './app-env.js';
import { requireUser } from './session.js';

// Routes and services get the session's user from the context; the password hash must not ride
// along (only the auth service reads it, when it checks a password).
let t: TestApp;
before(async () => {
  t = await testApp('pglite');
});
after(() => t.close());

test("a route's context user is the public user, without the password hash", async () => {
  const user = await t.newUser();
  const [stored] = await t.db.query<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE id = $1',
    [user.id],
  );
  assert.ok(stored);
  const hash = stored.password_hash;
  assert.ok(hash.startsWith('$argon2'), 'the account has a stored hash to leak');

  const auth = authService(
    {
      db: t.db,
      clock: t.clock,
      hasher: argon2Hasher(),
      newToken: () => randomBytes(32).toString('base64url'),
    },
    { passwords: { check: async () => {} }, hideAccountExistence: false },
  );
  const probe = new Hono<AppEnv>().use('*', requireUser(auth)).get('/probe', (c) => c.json(c.get('user')));
  const res = await probe.request('/probe', { headers: { cookie: user.cookie } });
  assert.equal(res.status, 200);
  const text = await res.text();
  assert.deepEqual(Object.keys(JSON.parse(text) as object).sort(), [
    'createdAt',
    'email',
    'id',
    'role',
    'timeZone',
  ]);
  assert.ok(!text.includes(hash), 'the context user carries the password hash');
});
