import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionCookieOf, describeOnEachStore } from '../testing/test-app.js';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describeOnEachStore(
  'auth',
  (t) => {
    test('signup sets an HttpOnly SameSite=Lax session cookie, not Secure over http', async () => {
      const res = await t.request(
        '/api/auth/signup',
        json({ email: ' New@Example.org ', password: 'a long enough password', timeZone: 'Europe/Paris' }),
      );
      assert.equal(res.status, 201);
      const body = (await res.json()) as { user: { email: string; timeZone: string } };
      assert.equal(body.user.email, 'new@example.org');
      assert.equal(body.user.timeZone, 'Europe/Paris');
      const cookie = res.headers.getSetCookie()[0] ?? '';
      assert.match(cookie, /^hipwise_session=[A-Za-z0-9_-]{43};/);
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.doesNotMatch(cookie, /Secure/);
    });

    test('behind a trusted https proxy the cookie is Secure', async () => {
      const res = await t.request(
        '/api/auth/signup',
        json(
          { email: 'secure@example.org', password: 'a long enough password', timeZone: 'UTC' },
          { 'x-forwarded-proto': 'https' },
        ),
      );
      assert.equal(res.status, 201);
      assert.match(res.headers.getSetCookie()[0] ?? '', /Secure/);
    });

    test('a taken email is a 409 and a short password a 422 naming the field', async () => {
      const user = await t.newUser();
      const taken = await t.request(
        '/api/auth/signup',
        json({ email: user.email, password: 'another long one', timeZone: 'UTC' }),
      );
      assert.equal(taken.status, 409);
      assert.equal(((await taken.json()) as { error: { code: string } }).error.code, 'email_taken');
      const short = await t.request(
        '/api/auth/signup',
        json({ email: 'x@example.org', password: 'short', timeZone: 'UTC' }),
      );
      assert.equal(short.status, 422);
      const err = (await short.json()) as { error: { fields: Record<string, string> } };
      assert.equal(err.error.fields.password, 'must be at least 10\u00a0characters');
      const zone = await t.request(
        '/api/auth/signup',
        json({ email: 'z@example.org', password: 'long enough pw', timeZone: 'Nowhere/City' }),
      );
      assert.equal(zone.status, 422);
    });

    test('login failures say the same thing for a wrong password and an unknown email', async () => {
      const user = await t.newUser();
      const wrong = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: 'not the password' }),
      );
      const unknown = await t.request(
        '/api/auth/login',
        json({ email: 'nobody@example.org', password: 'whatever' }),
      );
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.deepEqual(await wrong.json(), await unknown.json());
      const ok = await t.request(
        '/api/auth/login',
        json({ email: user.email.toUpperCase(), password: user.password }),
      );
      assert.equal(ok.status, 200);
      assert.notEqual(sessionCookieOf(ok), user.cookie, 'a login starts a new session');
    });

    test('repeated failures lock the account for a while, for every address, with Retry-After', async () => {
      const user = await t.newUser();
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      for (let i = 0; i < 5; i++) {
        const res = await t.request(
          '/api/auth/login',
          json({ email: user.email, password: `wrong ${i}` }, from('10.0.0.1')),
        );
        assert.equal(res.status, 401);
      }
      const sixth = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: 'wrong 5' }, from('10.0.0.1')),
      );
      assert.equal(sixth.status, 401, 'the sixth failure is still judged, and sets a 2 s wait');
      const locked = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: user.password }, from('10.0.0.9')),
      );
      assert.equal(locked.status, 429, 'even the right password waits, from any address');
      assert.equal(locked.headers.get('retry-after'), '2');
      assert.equal(((await locked.json()) as { error: { code: string } }).error.code, 'too_many_attempts');
      t.clock.set(new Date(t.clock.now().getTime() + 2_000).toISOString());
      const ok = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: user.password }, from('10.0.0.9')),
      );
      assert.equal(ok.status, 200);
      const again = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: 'wrong again' }, from('10.0.0.9')),
      );
      assert.equal(again.status, 401, 'a successful log-in clears the account count');
      t.clock.set('2026-03-10T12:00:00Z');
    });

    test('one address guessing many accounts is slowed down too, and unknown emails count the same', async () => {
      const ip = { 'x-forwarded-for': '192.0.2.77' };
      for (let i = 0; i < 30; i++) {
        const res = await t.request(
          '/api/auth/login',
          json({ email: `nobody${i}@example.org`, password: 'guess' }, ip),
        );
        assert.equal(res.status, 401, `attempt ${i}`);
      }
      await t.request('/api/auth/login', json({ email: 'nobody-last@example.org', password: 'guess' }, ip));
      const user = await t.newUser();
      const blocked = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: user.password }, ip),
      );
      assert.equal(blocked.status, 429);
      const elsewhere = await t.request(
        '/api/auth/login',
        json({ email: user.email, password: user.password }, { 'x-forwarded-for': '192.0.2.78' }),
      );
      assert.equal(elsewhere.status, 200);
    });

    test('parallel guesses at one account cannot slip past the count', async () => {
      const user = await t.newUser();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          t.request(
            '/api/auth/login',
            json({ email: user.email, password: `parallel ${i}` }, { 'x-forwarded-for': `198.51.100.${i}` }),
          ),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 401).length, 6, `statuses: ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 6);
    });

    test('log-in replaces the session the browser already had', async () => {
      const user = await t.newUser();
      const res = await t.request('/api/auth/login', {
        ...json({ email: user.email, password: user.password }),
        headers: { 'content-type': 'application/json', cookie: user.cookie },
      });
      assert.equal(res.status, 200);
      assert.equal((await user.call('/api/me')).status, 401, 'the old session id is dead');
      assert.equal((await t.request('/api/me', { headers: { cookie: sessionCookieOf(res) } })).status, 200);
    });

    test('log out everywhere ends every session of the user and no one else', async () => {
      const user = await t.newUser();
      const other = await t.newUser();
      const second = sessionCookieOf(
        await t.request('/api/auth/login', json({ email: user.email, password: user.password })),
      );
      const res = await user.call('/api/auth/logout-everywhere', { method: 'POST' });
      assert.equal(res.status, 204);
      assert.equal((await user.call('/api/me')).status, 401);
      assert.equal((await t.request('/api/me', { headers: { cookie: second } })).status, 401);
      assert.equal((await other.call('/api/me')).status, 200);
      assert.equal((await t.request('/api/auth/logout-everywhere', { method: 'POST' })).status, 401);
    });

    test('logout ends the session on the server, not just in the browser', async () => {
      const user = await t.newUser();
      assert.equal((await user.call('/api/me')).status, 200);
      const out = await user.call('/api/auth/logout', { method: 'POST' });
      assert.equal(out.status, 204);
      assert.match(out.headers.getSetCookie()[0] ?? '', /hipwise_session=;/);
      const after = await user.call('/api/me');
      assert.equal(after.status, 401);
      assert.equal(((await after.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    });

    test('personal routes need a session', async () => {
      for (const path of [
        '/api/me',
        '/api/today',
        '/api/checkins?from=2026-01-01&to=2026-01-02',
        '/api/me/export',
      ]) {
        const res = await t.request(path);
        assert.equal(res.status, 401, path);
      }
      const forged = await t.request('/api/me', { headers: { cookie: 'hipwise_session=' + 'A'.repeat(43) } });
      assert.equal(forged.status, 401);
    });

    test('sessions expire after 30 days, and a new login clears the dead ones', async () => {
      const user = await t.newUser();
      t.clock.set('2026-04-10T12:00:01Z');
      assert.equal((await user.call('/api/me')).status, 401);
      const again = await t.request('/api/auth/login', json({ email: user.email, password: user.password }));
      assert.equal(again.status, 200);
      const rows = await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
        [user.id],
      );
      assert.equal(rows[0]?.n, 1);
      t.clock.set('2026-03-10T12:00:00Z');
    });
  },
  { trustProxy: true },
);
