/**
 * An account made through single sign-on has no password: it confirms who it is by a fresh sign-in
 * at the provider (a real oidc-provider on 127.0.0.1) to delete itself or set a password.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditPage } from '@hipwise/core';
import type { OidcConfig } from '../config.js';
import { takeReauthProof } from '../repositories/reauth-proofs.js';
import { hashToken } from '../services/auth-service.js';
import { back, newBrowser, throughProvider, type Browser } from '../testing/oidc-browser.js';
import {
  startTestProvider,
  testOidcConfig,
  type TestAccount,
  type TestProvider,
} from '../testing/oidc-provider.js';
import { newAdmin } from '../testing/practice.js';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { BASE, checkinCall, testApp, type TestApp, type TestUser } from '../testing/test-app.js';

const CLIENT = {
  clientId: 'hipwise',
  clientSecret: 'hipwise-secret',
  redirectUris: [`${BASE}/api/auth/oidc/callback`],
};

const account = (name: string): TestAccount => ({
  sub: `sub-${name}`,
  email: `${name}@practice.example`,
  emailVerified: true,
  password: `${name}-password`,
});
const NAMES = ['ann', 'ben', 'cat', 'dev', 'eli', 'fay', 'gus', 'hal', 'ivy', 'jon', 'kim'] as const;
const A = Object.fromEntries(NAMES.map((n) => [n, account(n)])) as Record<
  (typeof NAMES)[number],
  TestAccount
>;

const CONFIRM_DELETE = '/api/auth/oidc/start?confirm=delete';
const CONFIRM_PASSWORD = '/api/auth/oidc/start?confirm=password';

let idp: TestProvider;
before(async () => {
  idp = await startTestProvider(Object.values(A));
  idp.register([CLIENT]);
});
after(() => idp.close());

const oidcConfig = (): OidcConfig => testOidcConfig(idp.issuer, CLIENT);

/** A signed-in person and the browser that holds their session (and any proof). */
interface Person {
  browser: Browser;
  user: TestUser['call'];
  id: string;
}

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

for (const kind of DATABASE_KINDS) {
  describe(`confirming an account through single sign-on on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      // Behind a load balancer, so a browser's address is the one its X-Forwarded-For names.
      t = await testApp(kind, { oidc: oidcConfig(), trustProxy: true });
    });
    after(() => t.close());
    const realTime = () => t.clock.set(new Date().toISOString());

    /** Calls the API as this browser, with whatever cookies it holds now. */
    const as =
      (browser: Browser): TestUser['call'] =>
      (path, init = {}) =>
        t.request(path, {
          method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
          headers: {
            ...browser.headers,
            cookie: browser.app.header(),
            ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
            ...init.headers,
          },
          body: init.json === undefined ? null : JSON.stringify(init.json),
        });

    async function signIn(who: TestAccount, address?: string): Promise<Person> {
      const browser = newBrowser(address === undefined ? undefined : { 'x-forwarded-for': address });
      const res = await back(t, browser, await throughProvider(t, browser, who));
      assert.equal(res.status, 302);
      const me = await as(browser)('/api/me');
      assert.equal(me.status, 200);
      return { browser, user: as(browser), id: ((await me.json()) as { user: { id: string } }).user.id };
    }

    /** The fresh sign-in from Settings, as `who` at the provider; the provider's redirect back, followed. */
    async function confirm(p: Person, who: TestAccount, start = CONFIRM_DELETE): Promise<Response> {
      let authorize: URL | undefined;
      const callback = await throughProvider(t, p.browser, who, (u) => (authorize = new URL(u)), start);
      assert.equal(authorize?.searchParams.get('prompt'), 'login');
      assert.equal(authorize?.searchParams.get('max_age'), '0');
      return back(t, p.browser, callback);
    }

    const proofSet = (res: Response) =>
      res.headers.getSetCookie().some((c) => /^hipwise_reauth=[^;]/.test(c));

    const rowsOf = async (userId: string) => {
      const counts = await Promise.all(
        ['sessions', 'checkins', 'user_identities', 'reauth_proofs', 'oidc_logins'].map(async (table) => {
          const [r] = await t.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`,
            [userId],
          );
          return r?.n ?? 0;
        }),
      );
      const [u] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE id = $1', [
        userId,
      ]);
      return counts.reduce((a, b) => a + b, u?.n ?? 0);
    };

    test('/api/me says the account has no password and which sign-in it is linked to; a password account says so too', async () => {
      realTime();
      const p = await signIn(A.ann);
      const me = (await (await p.user('/api/me')).json()) as { account: unknown };
      assert.deepEqual(me.account, {
        hasPassword: false,
        provider: { name: 'Practice login' },
        localSignIn: true,
      });
      const local = await t.newUser();
      const theirs = (await (await local.call('/api/me')).json()) as { account: unknown };
      assert.deepEqual(theirs.account, { hasPassword: true, provider: null, localSignIn: true });
    });

    test('after a fresh sign-in at the provider the account deletes itself, with everything in it', async () => {
      realTime();
      const p = await signIn(A.ben);
      assert.equal((await checkinCall({ call: p.user } as TestUser, { pain: 4, stress: 5 })).status, 201);

      const refused = await p.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(refused.status, 403);
      assert.equal(await errorCode(refused), 'reauth_required');

      const back = await confirm(p, A.ben);
      assert.equal(back.status, 302);
      assert.equal(back.headers.get('location'), '/settings?confirmed=delete');
      assert.ok(proofSet(back), 'the proof is set as a cookie');
      const [stored] = await t.db.query<{ proof_hash: string }>(
        'SELECT proof_hash FROM reauth_proofs WHERE user_id = $1',
        [p.id],
      );
      assert.equal(
        stored?.proof_hash,
        hashToken(p.browser.app.get('hipwise_reauth') ?? ''),
        'only its hash is stored',
      );

      const res = await p.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(res.status, 204, await res.clone().text());
      assert.equal(await rowsOf(p.id), 0);
      assert.equal((await p.user('/api/me')).status, 401);
    });

    test('a sign-in at the provider as someone else confirms nothing', async () => {
      realTime();
      await signIn(A.dev);
      const p = await signIn(A.cat);
      const res = await confirm(p, A.dev);
      assert.equal(res.headers.get('location'), '/settings?sso_error=reauth_wrong_account');
      assert.ok(!proofSet(res));
      const trail = (await (await p.user('/api/me/audit')).json()) as AuditPage;
      assert.deepEqual(
        trail.entries.map((l) => l.action),
        ['signin.sso'],
        'a refused confirmation is no line',
      );
      assert.equal((await p.user('/api/me', { method: 'DELETE', json: {} })).status, 403);
      assert.equal(await rowsOf(p.id), 3, 'the account, its session and its link are all there');
    });

    test('a sign-in at the provider that was not fresh confirms nothing', async () => {
      // The provider's auth_time is real time; by the app's clock it is six minutes old.
      realTime();
      const p = await signIn(A.eli);
      t.clock.set(new Date(Date.now() + 6 * 60_000).toISOString());
      const res = await confirm(p, A.eli);
      assert.equal(res.headers.get('location'), '/settings?sso_error=reauth_stale');
      assert.ok(!proofSet(res));
      const del = await p.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(await errorCode(del), 'reauth_required');
    });

    test('a proof expires, works only in its own session, and only once', async () => {
      realTime();
      const p = await signIn(A.fay);
      // Expired: five minutes to use it.
      await confirm(p, A.fay);
      t.clock.set(new Date(Date.now() + 6 * 60_000).toISOString());
      const late = await p.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(late.status, 403);
      assert.equal(await errorCode(late), 'reauth_expired');

      // Another session of the same person (another device) cannot use this one's proof.
      realTime();
      await confirm(p, A.fay);
      const other = await signIn(A.fay);
      const proof = p.browser.app.get('hipwise_reauth');
      assert.ok(proof);
      const stolen = await t.request('/api/me', {
        method: 'DELETE',
        headers: {
          cookie: `${other.browser.app.header()}; hipwise_reauth=${proof}`,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      assert.equal(stolen.status, 403);
      assert.equal(await errorCode(stolen), 'reauth_other_session');
      assert.equal((await rowsOf(p.id)) > 0, true);

      // Used once, it is gone: of the same request sent twice at once, one deletes, the other is refused.
      const twice = await Promise.all([
        p.user('/api/me', { method: 'DELETE', json: {} }),
        p.user('/api/me', { method: 'DELETE', json: {} }),
      ]);
      const statuses = twice.map((r) => r.status).sort();
      assert.equal(statuses[0], 204);
      assert.ok(statuses[1] === 401 || statuses[1] === 403, `the replay got ${statuses[1]}`);
      assert.equal(await takeReauthProof(t.db, hashToken(proof), t.clock.now()), undefined);
      assert.equal(await rowsOf(p.id), 0);
    });

    test('without a password the account sets one after a fresh sign-in, and then logs in with it', async () => {
      realTime();
      const p = await signIn(A.gus);
      const password = 'a new local password for gus';
      const refused = await p.user('/api/me/password', { json: { newPassword: password } });
      assert.equal(await errorCode(refused), 'reauth_required');

      const res = await confirm(p, A.gus, CONFIRM_PASSWORD);
      assert.equal(res.headers.get('location'), '/settings?confirmed=password');
      const set = await p.user('/api/me/password', { json: { newPassword: password } });
      assert.equal(set.status, 204, await set.clone().text());
      const me = (await (await p.user('/api/me')).json()) as { account: { hasPassword: boolean } };
      assert.equal(me.account.hasPassword, true);
      const login = await t.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: A.gus.email, password }),
      });
      assert.equal(login.status, 200);
      // From now on it is a password account: changing it needs the current one.
      const again = await p.user('/api/me/password', { json: { newPassword: 'yet another password' } });
      assert.equal(again.status, 422);
    });

    test('a fresh sign-in and a password set through the provider are lines of the member’s trail: who, what, when, from where, and no secret', async () => {
      realTime();
      const p = await signIn(A.ivy, '203.0.113.7');
      const password = 'a new local password for ivy';
      await confirm(p, A.ivy, CONFIRM_PASSWORD);
      const proof = p.browser.app.get('hipwise_reauth');
      assert.ok(proof);
      const set = await p.user('/api/me/password', { json: { newPassword: password } });
      assert.equal(set.status, 204, await set.clone().text());

      const page = (await (await p.user('/api/me/audit')).json()) as AuditPage;
      assert.deepEqual(
        page.entries.map((l) => [l.action, l.detail, l.actor, l.clientAddress]),
        [
          ['password.set', {}, { email: A.ivy.email, role: 'member' }, '203.0.113.7'],
          ['reauth.sso', { for: 'password' }, { email: A.ivy.email, role: 'member' }, '203.0.113.7'],
          ['signin.sso', { account: 'new' }, { email: A.ivy.email, role: 'member' }, '203.0.113.7'],
        ],
      );
      for (const line of page.entries) assert.equal(line.at, t.clock.now().toISOString());
      const rows = JSON.stringify(await t.db.query('SELECT * FROM audit_log WHERE member_id = $1', [p.id]));
      for (const secret of [password, proof, hashToken(proof), p.browser.app.get('hipwise_session') ?? '']) {
        assert.ok(secret.length > 0 && !rows.includes(secret), 'no password, proof or session in the trail');
      }

      // The admin's instance-wide log shows the same lines, naming whose account they concern.
      const admin = await newAdmin(t);
      const all = (await (await admin.call('/api/admin/audit?limit=100')).json()) as AuditPage;
      const ivys = all.entries.filter((l) => l.memberEmail === A.ivy.email).map((l) => l.action);
      assert.deepEqual(ivys, ['password.set', 'reauth.sso', 'signin.sso']);
    });

    test('a proof counts only for the step it was asked for, and a refusal leaves it for that step', async () => {
      realTime();
      const p = await signIn(A.jon);
      await confirm(p, A.jon);
      const trail = (await (await p.user('/api/me/audit')).json()) as AuditPage;
      assert.deepEqual(
        trail.entries.map((l) => [l.action, l.detail]),
        [
          ['reauth.sso', { for: 'delete' }],
          ['signin.sso', { account: 'new' }],
        ],
      );
      const setting = await p.user('/api/me/password', { json: { newPassword: 'a password for jon here' } });
      assert.equal(setting.status, 403);
      const refusal = ((await setting.json()) as { error: { code: string; message: string } }).error;
      assert.equal(refusal.code, 'reauth_other_action');
      assert.equal(
        refusal.message,
        'That confirmation with Practice login was for deleting your account, so it does not count for setting a password. Confirm with Practice login again.',
      );
      const me = (await (await p.user('/api/me')).json()) as { account: { hasPassword: boolean } };
      assert.equal(me.account.hasPassword, false);
      const deleted = await p.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(deleted.status, 204, await deleted.clone().text());
      assert.equal(await rowsOf(p.id), 0);

      const q = await signIn(A.kim);
      await confirm(q, A.kim, CONFIRM_PASSWORD);
      const deleting = await q.user('/api/me', { method: 'DELETE', json: {} });
      assert.equal(deleting.status, 403);
      assert.equal(await errorCode(deleting), 'reauth_other_action');
      assert.equal(await rowsOf(q.id), 4, 'the account, its session, its link and its proof are all there');
      const set = await q.user('/api/me/password', { json: { newPassword: 'a password for kim here' } });
      assert.equal(set.status, 204, await set.clone().text());
    });

    test('with local passwords off, an account without one is told its password is managed at the provider', async () => {
      realTime();
      const p = await signIn(A.hal);
      await t.db.query(
        "INSERT INTO instance_settings (signup_policy, local_sign_in, updated_at) VALUES ('open', false, now())",
      );
      try {
        const me = (await (await p.user('/api/me')).json()) as { account: { localSignIn: boolean } };
        assert.equal(me.account.localSignIn, false);
        await confirm(p, A.hal, CONFIRM_PASSWORD);
        const res = await p.user('/api/me/password', { json: { newPassword: 'a password for hal here' } });
        assert.equal(res.status, 403);
        assert.equal(await errorCode(res), 'local_sign_in_off');
      } finally {
        await t.db.query('DELETE FROM instance_settings');
      }
    });

    test('a password account still confirms with its password, and is asked for it when it is missing', async () => {
      const u = await t.newUser();
      const missing = await u.call('/api/me', { method: 'DELETE', json: {} });
      assert.equal(missing.status, 422);
      assert.deepEqual(((await missing.json()) as { error: { fields: unknown } }).error.fields, {
        password: 'is required',
      });
      assert.equal(
        (await u.call('/api/me', { method: 'DELETE', json: { password: u.password } })).status,
        204,
      );
    });

    test('confirming needs a session, and an account linked to this provider', async () => {
      realTime();
      const anonymous = await t.request(CONFIRM_DELETE);
      assert.equal(anonymous.status, 302);
      assert.equal(anonymous.headers.get('location'), '/login');
      const local = await t.newUser();
      const res = await local.call(CONFIRM_DELETE);
      assert.equal(res.headers.get('location'), '/settings?sso_error=reauth_not_linked');
    });
  });
}
