/**
 * Single sign-on against a real OpenID Provider (oidc-provider) on 127.0.0.1. The test plays the
 * browser: it follows the app's redirect to the provider, signs in on the provider's page, and
 * brings the provider's redirect back to the app, keeping each side's cookies as a browser would.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { OidcConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { BASE, sessionCookieOf, testApp, type TestApp } from '../testing/test-app.js';
import { back, newBrowser, throughProvider } from '../testing/oidc-browser.js';
import {
  startTestProvider,
  TEST_ROLE_CLAIM,
  testOidcConfig,
  type TestAccount,
  type TestClient,
  type TestProvider,
} from '../testing/oidc-provider.js';

const CALLBACK = `${BASE}/api/auth/oidc/callback`;
const HIPWISE: TestClient = { clientId: 'hipwise', clientSecret: 'hipwise-secret', redirectUris: [CALLBACK] };
// Another application registered at the same provider, with the same redirect URL.
const OTHER_APP: TestClient = {
  clientId: 'other-app',
  clientSecret: 'other-secret',
  redirectUris: [CALLBACK],
};

const account = (name: string, over: Partial<TestAccount> = {}): TestAccount => ({
  sub: `sub-${name}`,
  email: `${name}@practice.example`,
  emailVerified: true,
  password: `${name}-password`,
  ...over,
});

const ACCOUNTS = {
  alice: account('alice'),
  bob: account('bob'),
  carol: account('carol'),
  unverified: account('unverified', { emailVerified: false }),
  outsider: account('outsider', { email: 'outsider@elsewhere.example' }),
  physio: account('physio', { role: ['staff', 'physio'] }),
  itAdmin: account('it-admin', { role: 'it-admin' }),
  nonce: account('nonce'),
  expired: account('expired'),
  audience: account('audience'),
  reuse: account('reuse'),
  stateless: account('stateless'),
};

const signIn = async (t: TestApp, who: TestAccount, browser = newBrowser()) =>
  back(t, browser, await throughProvider(t, browser, who));

const refusedWith = (res: Response, code: string) => {
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `/login?sso_error=${code}`);
  assert.ok(!res.headers.getSetCookie().some((c) => c.startsWith('hipwise_session=')), 'no session');
};

async function me(t: TestApp, res: Response) {
  const r = await t.request('/api/me', { headers: { cookie: sessionCookieOf(res) } });
  assert.equal(r.status, 200);
  return ((await r.json()) as { user: { id: string; email: string; role: string; timeZone: string } }).user;
}

let idp: TestProvider;
before(async () => {
  idp = await startTestProvider(Object.values(ACCOUNTS));
  idp.register([HIPWISE, OTHER_APP]);
});
after(() => idp.close());

const oidcConfig = (over: Partial<OidcConfig> = {}): OidcConfig =>
  testOidcConfig(idp.issuer, HIPWISE, {
    roleClaim: TEST_ROLE_CLAIM,
    clinicianValues: ['physio'],
    adminValues: ['it-admin'],
    ...over,
  });

for (const kind of DATABASE_KINDS) {
  describe(`single sign-on on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    const logLines: string[] = [];
    before(async () => {
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          logLines.push(chunk.toString());
          done();
        },
      });
      t = await testApp(kind, { oidc: oidcConfig(), log: createLogger('info', sink) });
    });
    after(() => t.close());
    // The provider signs with real time; the app's clock starts at real time too.
    const realTime = () => t.clock.set(new Date().toISOString());

    test('the instance names its single sign-on, and nothing else of it', async () => {
      const body = (await (await t.request('/api/instance')).json()) as Record<string, unknown>;
      assert.deepEqual(body['sso'], { name: 'Practice login' });
      assert.doesNotMatch(JSON.stringify(body), /127\.0\.0\.1|hipwise-secret|practice\.example/);
    });

    test('start sends the browser to the provider with PKCE, state and nonce, and keeps only a hash of the state', async () => {
      realTime();
      const res = await t.request('/api/auth/oidc/start');
      assert.equal(res.status, 302);
      const to = new URL(res.headers.get('location') ?? '');
      assert.equal(to.origin, idp.issuer);
      assert.equal(to.searchParams.get('client_id'), 'hipwise');
      assert.equal(to.searchParams.get('redirect_uri'), CALLBACK);
      assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
      const state = to.searchParams.get('state') ?? '';
      assert.ok(state.length >= 32 && (to.searchParams.get('nonce') ?? '').length >= 32);
      assert.match(
        res.headers.getSetCookie().join('\n'),
        new RegExp(`hipwise_oidc_state=${state};.*HttpOnly`),
      );
      const rows = await t.db.query<{ state_hash: string }>('SELECT state_hash FROM oidc_logins');
      assert.ok(
        rows.length > 0 && rows.every((r) => r.state_hash !== state && /^[0-9a-f]{64}$/.test(r.state_hash)),
      );
    });

    test('a first sign-in makes the account (no password, the browser’s time zone) and a session; the next one finds it', async () => {
      realTime();
      const first = await signIn(t, ACCOUNTS.alice);
      assert.equal(first.status, 302);
      assert.equal(first.headers.get('location'), '/');
      const user = await me(t, first);
      assert.equal(user.email, 'alice@practice.example');
      assert.equal(user.role, 'member');
      assert.equal(user.timeZone, 'Europe/Berlin');
      const [row] = await t.db.query<{ password_hash: string | null }>(
        'SELECT password_hash FROM users WHERE id = $1',
        [user.id],
      );
      assert.equal(row?.password_hash, null);
      const identities = await t.db.query<{ issuer: string; subject: string }>(
        'SELECT issuer, subject FROM user_identities WHERE user_id = $1',
        [user.id],
      );
      assert.deepEqual(identities, [{ issuer: idp.issuer, subject: 'sub-alice' }]);

      const second = await signIn(t, ACCOUNTS.alice);
      assert.equal((await me(t, second)).id, user.id);
      const count = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE email = $1', [
        'alice@practice.example',
      ]);
      assert.equal(count[0]?.n, 1);
      // No password opens an account made through single sign-on.
      const login = await t.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'alice@practice.example', password: 'any password at all' }),
      });
      assert.equal(login.status, 401);
    });

    test('an existing local account is linked by its verified email, and keeps its password', async () => {
      realTime();
      const local = await t.newUser({ email: 'bob@practice.example' });
      const res = await signIn(t, ACCOUNTS.bob);
      assert.equal((await me(t, res)).id, local.id);
      const login = await t.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: local.email, password: local.password }),
      });
      assert.equal(login.status, 200);
      const audit = await t.db.query<{ action: string; detail: { account: string } }>(
        'SELECT action, detail FROM audit_log WHERE member_id = $1',
        [local.id],
      );
      assert.deepEqual(audit, [{ action: 'signin.sso', detail: { account: 'email' } }]);
    });

    test('an unverified email is refused, and no account is made', async () => {
      realTime();
      refusedWith(await signIn(t, ACCOUNTS.unverified), 'email_unverified');
      const rows = await t.db.query('SELECT 1 FROM users WHERE email = $1', ['unverified@practice.example']);
      assert.equal(rows.length, 0);
    });

    test('an unverified email never links to an existing account', async () => {
      realTime();
      await t.newUser({ email: 'unverified@practice.example' });
      refusedWith(await signIn(t, ACCOUNTS.unverified), 'email_unverified');
      assert.equal(
        (await t.db.query('SELECT 1 FROM user_identities WHERE subject = $1', ['sub-unverified'])).length,
        0,
      );
    });

    test('an email outside the allowed domains is refused', async () => {
      realTime();
      refusedWith(await signIn(t, ACCOUNTS.outsider), 'domain_not_allowed');
    });

    test('the role claim maps to the role, at each sign-in', async () => {
      realTime();
      const physio = await me(t, await signIn(t, ACCOUNTS.physio));
      assert.equal(physio.role, 'clinician');
      const admin = await me(t, await signIn(t, ACCOUNTS.itAdmin));
      assert.equal(admin.role, 'admin');
      // A claim without a mapped value makes a member, even of an account that was more.
      await t.db.query(
        "UPDATE users SET role = 'clinician' WHERE id = (SELECT id FROM users WHERE email = $1)",
        ['alice@practice.example'],
      );
      assert.equal((await me(t, await signIn(t, ACCOUNTS.alice))).role, 'member');
    });

    test('an ID token with another nonce is refused', async () => {
      realTime();
      // The authorization request is changed on its way to the provider: the provider then puts
      // the changed nonce into the ID token, and the app compares it with the one it stored.
      const browser = newBrowser();
      const callback = await throughProvider(t, browser, ACCOUNTS.nonce, (u) =>
        u.searchParams.set('nonce', 'a-nonce-this-app-never-made-0123456789'),
      );
      refusedWith(await back(t, browser, callback), 'nonce_mismatch');
    });

    test('an expired ID token is refused', async () => {
      // The app's clock runs two hours ahead of the provider: the provider's ID token lives one
      // hour, so by the app's clock it expired an hour ago (the sign-in itself is fresh).
      t.clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString());
      refusedWith(await signIn(t, ACCOUNTS.expired), 'token_expired');
    });

    test('an ID token issued to another application is refused (audience)', async () => {
      realTime();
      // The authorization request is made in the name of another app registered at the same
      // provider, and its credentials are swapped in at the token endpoint: the provider issues a
      // real ID token whose audience is "other-app", which this app must not accept.
      idp.swapClientCredentials({ from: HIPWISE, to: OTHER_APP });
      try {
        const browser = newBrowser();
        const callback = await throughProvider(t, browser, ACCOUNTS.audience, (u) =>
          u.searchParams.set('client_id', OTHER_APP.clientId),
        );
        refusedWith(await back(t, browser, callback), 'wrong_audience');
      } finally {
        idp.swapClientCredentials(undefined);
      }
      assert.equal(
        (await t.db.query('SELECT 1 FROM users WHERE email = $1', ['audience@practice.example'])).length,
        0,
      );
    });

    test('a state is good for one callback: the same redirect again is refused', async () => {
      realTime();
      const browser = newBrowser();
      const callback = await throughProvider(t, browser, ACCOUNTS.reuse);
      const state = browser.app.header();
      const first = await back(t, browser, callback);
      assert.equal(first.headers.get('location'), '/');
      // Replayed with the state cookie the browser had: the state is gone from the database.
      const again = await t.request(callback.pathname + callback.search, { headers: { cookie: state } });
      refusedWith(again, 'state_unknown');
    });

    test('a callback without this browser’s state cookie, or with an unknown state, is refused', async () => {
      realTime();
      const callback = await throughProvider(t, newBrowser(), ACCOUNTS.stateless);
      // Another browser (no state cookie): a sign-in planted on someone else is not finished.
      refusedWith(await back(t, newBrowser(), callback), 'state_unknown');
      const state = randomUUID();
      refusedWith(
        await t.request(`/api/auth/oidc/callback?code=x&state=${state}`, {
          headers: { cookie: `hipwise_oidc_state=${state}` },
        }),
        'state_unknown',
      );
    });

    test('malformed callbacks are refused without a server error and write nothing', async () => {
      realTime();
      const before = await t.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM users)::int + (SELECT count(*) FROM user_identities)::int AS n',
      );
      const state = 's'.repeat(43);
      const cases = [
        '',
        '?code=x',
        `?state=${state}`,
        `?code=x&state=${state}&state=${state}`,
        `?code=${'c'.repeat(5000)}&state=${'s'.repeat(5000)}`,
        `?error=access_denied&state=${state}`,
        '?code=%ZZ&state=%00',
        `?__proto__=x&constructor=y&state=${state}`,
      ];
      for (const query of cases) {
        const res = await t.request(`/api/auth/oidc/callback${query}`, {
          headers: { cookie: `hipwise_oidc_state=${state}` },
        });
        assert.equal(res.status, 302, `${query.slice(0, 80)} -> ${res.status}`);
        assert.match(res.headers.get('location') ?? '', /^\/login\?sso_error=[a-z_]+$/);
      }
      const start = await t.request('/api/auth/oidc/start?returnTo=//evil.example&timeZone=Not/AZone');
      assert.equal(start.status, 302);
      const after = await t.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM users)::int + (SELECT count(*) FROM user_identities)::int AS n',
      );
      assert.deepEqual(after, before);
      const [row] = await t.db.query<{ return_to: string; time_zone: string }>(
        'SELECT return_to, time_zone FROM oidc_logins ORDER BY created_at DESC LIMIT 1',
      );
      assert.deepEqual(row, { return_to: '/', time_zone: 'UTC' });
    });

    test('a sign-in left at the provider expires, and expired ones are purged', async () => {
      realTime();
      const browser = newBrowser();
      const callback = await throughProvider(t, browser, ACCOUNTS.stateless);
      t.clock.set(new Date(Date.now() + 11 * 60_000).toISOString());
      refusedWith(await back(t, browser, callback), 'state_unknown');
      await t.request('/api/auth/oidc/start');
      const old = await t.db.query('SELECT 1 FROM oidc_logins WHERE expires_at <= $1', [t.clock.now()]);
      assert.equal(old.length, 0);
    });

    test('refusals are logged with their reason, never with codes, states or tokens', () => {
      const refusals = logLines.filter((l) => l.includes('single sign-on refused'));
      for (const code of [
        'email_unverified',
        'domain_not_allowed',
        'nonce_mismatch',
        'token_expired',
        'wrong_audience',
        'state_unknown',
      ]) {
        assert.ok(
          refusals.some((l) => l.includes(`"code":"${code}"`)),
          `${code} is logged`,
        );
      }
      const all = logLines.join('\n');
      assert.doesNotMatch(all, /hipwise-secret|other-secret|eyJ[A-Za-z0-9_-]{10,}|state=|code=/);
    });

    test('local sign-in switched off refuses passwords; single sign-on still works', async () => {
      realTime();
      const local = await t.newUser({ email: 'carol@practice.example' });
      await t.db.query(
        "INSERT INTO instance_settings (signup_policy, local_sign_in, updated_at) VALUES ('open', false, now())",
      );
      try {
        const login = await t.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: local.email, password: local.password }),
        });
        assert.equal(login.status, 403);
        assert.equal(((await login.json()) as { error: { code: string } }).error.code, 'local_sign_in_off');
        assert.equal((await me(t, await signIn(t, ACCOUNTS.carol))).id, local.id);
      } finally {
        await t.db.query('DELETE FROM instance_settings');
      }
    });

    test('sign-up by invitation only: no account is made, an existing one still links', async () => {
      realTime();
      await t.db.query(
        "INSERT INTO instance_settings (signup_policy, local_sign_in, updated_at) VALUES ('invitation', true, now())",
      );
      try {
        // Nobody signed in as "stateless" yet (its earlier callbacks were refused): a newcomer.
        refusedWith(await signIn(t, ACCOUNTS.stateless), 'signup_closed');
        assert.equal((await me(t, await signIn(t, ACCOUNTS.alice))).email, 'alice@practice.example');
      } finally {
        await t.db.query('DELETE FROM instance_settings');
      }
    });
  });
}

describe('single sign-on, provider trouble and no provider', () => {
  test('a provider that cannot be reached sends the person back with a message', async () => {
    const t = await testApp('pglite', { oidc: oidcConfig({ issuer: 'http://127.0.0.1:1' }) });
    try {
      refusedWith(await t.request('/api/auth/oidc/start'), 'provider_unreachable');
    } finally {
      await t.close();
    }
  });

  test('without single sign-on set up, its routes do not exist and the instance says so', async () => {
    const t = await testApp('pglite');
    try {
      assert.equal((await t.request('/api/auth/oidc/start')).status, 404);
      assert.equal((await t.request('/api/auth/oidc/callback?code=x&state=y')).status, 404);
      const body = (await (await t.request('/api/instance')).json()) as { sso: unknown };
      assert.equal(body.sso, null);
    } finally {
      await t.close();
    }
  });
});
