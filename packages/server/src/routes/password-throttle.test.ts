import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deviceCookieOf, describeOnEachStore } from '../testing/test-app.js';
import { accountThrottleKey } from '../services/password-attempts.js';

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const from = (ip: string, cookie?: string) => ({ 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) });

describeOnEachStore(
  'password throttle',
  (t) => {
    const login = (email: string, password: string, headers: Record<string, string>) =>
      t.request('/api/auth/login', post({ email, password }, headers));

    test("a stranger's failures do not lock the user out of a browser they logged in from before", async () => {
      const user = await t.newUser();
      const device = deviceCookieOf(await login(user.email, user.password, from('10.1.0.1')));
      for (let i = 0; i < 6; i++)
        assert.equal((await login(user.email, `guess ${i}`, from('10.1.0.66'))).status, 401);
      // A browser the account has not logged in from gets the strict per-account limit...
      assert.equal((await login(user.email, user.password, from('10.1.0.2'))).status, 429);
      // ...and so does one whose device cookie is forged or another account's.
      const forged = device.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
      assert.equal((await login(user.email, user.password, from('10.1.0.1', forged))).status, 429);
      const other = await t.newUser();
      assert.equal((await login(user.email, user.password, from('10.1.0.1', other.device))).status, 429);
      // The user's own browser is not locked by the stranger.
      const known = await login(user.email, user.password, from('10.1.0.1', device));
      assert.equal(known.status, 200);
      assert.equal(deviceCookieOf(known), device, 'a known device keeps its cookie');
      assert.match(
        known.headers.getSetCookie().find((c) => c.startsWith('hipwise_device=')) ?? '',
        /HttpOnly.*SameSite=Strict/i,
      );
    });

    test('a known device has a limit of its own, and the per-address limit still holds for it', async () => {
      const user = await t.newUser();
      for (let i = 0; i < 6; i++) await login(user.email, `typo ${i}`, from('10.2.0.1', user.device));
      const locked = await login(user.email, user.password, from('10.2.0.1', user.device));
      assert.equal(locked.status, 429, 'six failures from the device lock the device');
      assert.equal(
        (await login(user.email, user.password, from('10.2.0.2'))).status,
        200,
        'but not the account',
      );

      const ip = '10.2.9.9';
      for (let i = 0; i < 31; i++) await login(`nobody-${i}@example.org`, 'guess', from(ip));
      const fresh = await t.newUser();
      assert.equal((await login(fresh.email, fresh.password, from(ip, fresh.device))).status, 429);
    });

    test('changing the password and deleting the account are throttled like log-ins', async () => {
      const user = await t.newUser();
      const change = (currentPassword: string) =>
        user.call('/api/me/password', { json: { currentPassword, newPassword: 'a brand new passphrase' } });
      for (let i = 0; i < 5; i++) assert.equal((await change(`wrong ${i}`)).status, 401);
      assert.equal((await change('wrong 5')).status, 401);
      const locked = await change(user.password);
      assert.equal(locked.status, 429, 'even the right password waits');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      assert.match(
        ((await locked.json()) as { error: { message: string } }).error.message,
        /^Too many wrong passwords\./,
      );
      const del = await user.call('/api/me', { method: 'DELETE', json: { password: 'wrong again' } });
      assert.equal(del.status, 429, 'account deletion shares the count');
      assert.equal((await user.call('/api/me')).status, 200, 'nothing was changed or deleted');
      t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
      assert.equal((await change(user.password)).status, 204);
      t.clock.set('2026-03-10T12:00:00Z');
    });

    test('throttle rows hold no email, refused attempts store nothing, old rows are purged, deletion takes the rest', async () => {
      const count = async () =>
        Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM login_throttle'))[0]!.n);
      const user = await t.newUser();
      const laptop = deviceCookieOf(await login(user.email, user.password, from('10.3.0.2')));
      assert.notEqual(laptop, user.device, 'a second browser');
      for (let i = 0; i < 6; i++) await login(user.email, `wrong ${i}`, from('10.3.0.1'));
      const ip = '10.3.0.77';
      for (let i = 0; i < 31; i++) await login(`probe-${i}@example.org`, 'guess', from(ip));
      const before = await count();
      for (let i = 0; i < 20; i++) {
        const res = await login(`${'x'.repeat(200)}-${i}@example.org`, 'guess', from(ip));
        assert.equal(res.status, 429);
      }
      assert.equal(await count(), before, 'a refused attempt stores no row');
      const keys = (await t.db.query<{ key: string }>('SELECT key FROM login_throttle')).map((r) => r.key);
      assert.ok(
        !keys.some((k) => k.includes('@') || k.includes('10.3.0')),
        `keys in clear: ${keys.slice(0, 3).join(', ')}`,
      );

      // The user's second browser has a failure of its own on record.
      await login(user.email, 'a typo', from('10.3.0.2', laptop));
      assert.equal(
        (await t.db.query('SELECT 1 FROM login_throttle WHERE user_id = $1', [user.id])).length,
        1,
      );

      const del = await user.call('/api/me', { method: 'DELETE', json: { password: user.password } });
      assert.equal(del.status, 204);
      const left = await t.db.query('SELECT 1 FROM login_throttle WHERE key = $1 OR user_id = $2', [
        accountThrottleKey(user.email),
        user.id,
      ]);
      assert.deepEqual(left, [], "the deleted account's counts are gone");

      // Two hours later, any attempt (here a successful one) purges what has expired.
      const later = await t.newUser();
      t.clock.set('2026-03-10T14:00:00Z');
      assert.equal((await login(later.email, later.password, from('10.3.1.1', later.device))).status, 200);
      assert.equal(await count(), 0);
      t.clock.set('2026-03-10T12:00:00Z');
    });
  },
  { trustProxy: true },
);
