import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { adminCommand } from './cli/admin.js';
import { activeConsent } from './repositories/consents.js';
import { argon2Hasher } from './services/password-hasher.js';
import { freshDatabase, skipPostgres } from './testing/test-databases.js';
import { runTs, SERVER_MAIN, stop } from './testing/run-process.js';

/** Two server processes on one fresh PostgreSQL, and their URLs. */
async function twoServers() {
  const fresh = await freshDatabase('postgres', { migrated: false });
  const servers = await Promise.all(
    [0, 1].map(() =>
      runTs(
        SERVER_MAIN,
        [],
        { PORT: '0', DATABASE_URL: fresh.url ?? '' },
        /running at (http:\S+)|could not start/,
      ),
    ),
  );
  const urls = servers.map((s) => /running at (http:\S+)/.exec(s.output)?.[1]);
  return {
    fresh,
    urls,
    output: servers.map((s) => s.output).join('\n'),
    close: async () => {
      await Promise.all(servers.map((s) => stop(s.child)));
      await fresh.drop();
    },
  };
}

/**
 * Two server processes on one PostgreSQL, requests dealt to them in turn as a round-robin load
 * balancer would: nothing that matters may live in one process's memory.
 */
test(
  'two server processes behind a round-robin share sessions, idempotency and log-in limits',
  { skip: skipPostgres('postgres') },
  async () => {
    const { fresh, urls, output, close } = await twoServers();
    try {
      assert.ok(urls[0] && urls[1], output);
      let turn = 0;
      const next = () => urls[turn++ % 2]!;
      const call = (
        path: string,
        init: { method?: string; body?: unknown; cookie?: string; key?: string } = {},
      ) =>
        fetch(`${next()}${path}`, {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: {
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(init.cookie ? { cookie: init.cookie } : {}),
            ...(init.key ? { 'idempotency-key': init.key } : {}),
          },
          body: init.body === undefined ? null : JSON.stringify(init.body),
        });

      const email = `${randomUUID()}@example.org`;
      const signup = await call('/api/auth/signup', {
        body: { email, password: 'a long enough password', timeZone: 'UTC' },
      });
      assert.equal(signup.status, 201);
      const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;

      // The session made by one process is honoured by the other.
      for (let i = 0; i < 4; i++) assert.equal((await call('/api/me', { cookie })).status, 200);

      // A retry that lands on the other process gets the first answer, and one row.
      const key = randomUUID();
      const first = await call('/api/checkins', { cookie, key, body: { pain: 5, stress: 2 } });
      const retry = await call('/api/checkins', { cookie, key, body: { pain: 5, stress: 2 } });
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201);
      assert.deepEqual(await retry.json(), await first.json());
      const rows = await fresh.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkins');
      assert.equal(rows[0]?.n, 1);

      // Failed log-ins counted by both processes lock the account on both.
      for (let i = 0; i < 6; i++) {
        assert.equal(
          (await call('/api/auth/login', { body: { email, password: `wrong ${i}` } })).status,
          401,
        );
      }
      for (let i = 0; i < 2; i++) {
        assert.equal(
          (await call('/api/auth/login', { body: { email, password: 'a long enough password' } })).status,
          429,
        );
      }

      // Logging out on one process ends the session on the other.
      assert.equal((await call('/api/auth/logout', { method: 'POST', cookie })).status, 204);
      assert.equal((await call('/api/me', { cookie })).status, 401);
    } finally {
      await close();
    }
  },
);

/**
 * Consent across two server processes on one PostgreSQL: granted through one, revoked through the
 * other, and gone for both at once. Nothing about consent may live in one process's memory.
 */
test(
  'two server processes agree on consent: revoked through one, refused everywhere at once',
  { skip: skipPostgres('postgres') },
  async () => {
    const { fresh, urls, output, close } = await twoServers();
    try {
      assert.ok(urls[0] && urls[1], output);
      const call = async (
        process: 0 | 1,
        path: string,
        init: { method?: string; body?: unknown; cookie?: string } = {},
      ) =>
        fetch(`${urls[process]}${path}`, {
          method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
          headers: {
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(init.cookie ? { cookie: init.cookie } : {}),
          },
          body: init.body === undefined ? null : JSON.stringify(init.body),
        });
      const signup = async (process: 0 | 1) => {
        const email = `${randomUUID()}@example.org`;
        const res = await call(process, '/api/auth/signup', {
          body: { email, password: 'a long enough password', timeZone: 'UTC' },
        });
        assert.equal(res.status, 201, await res.clone().text());
        const { user } = (await res.json()) as { user: { id: string } };
        return { id: user.id, email, cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
      };
      const codeOf = async (res: Response) => {
        assert.equal(res.status, 201, await res.clone().text());
        return ((await res.json()) as { invitation: { code: string } }).invitation.code;
      };

      const admin = await signup(0);
      await adminCommand(fresh.db, argon2Hasher(), ['create', admin.email], new Date());
      const clinician = await signup(1);
      const clinicianCode = await codeOf(
        await call(0, '/api/admin/invitations', { cookie: admin.cookie, body: {} }),
      );
      const accepted = await call(1, `/api/invitations/${clinicianCode}/accept`, {
        cookie: clinician.cookie,
        body: {},
      });
      assert.equal(accepted.status, 200);
      const member = await signup(0);
      const memberCode = await codeOf(
        await call(0, '/api/invitations', { cookie: clinician.cookie, body: {} }),
      );
      const consented = await call(1, `/api/invitations/${memberCode}/accept`, {
        cookie: member.cookie,
        body: { shareNotes: false },
      });
      assert.equal(consented.status, 200, await consented.clone().text());
      const listed = (await (await call(0, '/api/me/consents', { cookie: member.cookie })).json()) as {
        consents: { id: string }[];
      };
      assert.equal(listed.consents.length, 1, 'the consent made on one process is seen on the other');
      assert.ok(await activeConsent(fresh.db, clinician.id, member.id));

      // Revoked through process 1; process 0 and the consent check every clinician read makes in
      // its own transaction both see it gone the moment the revocation has answered.
      const revoked = await call(1, `/api/me/consents/${listed.consents[0]!.id}`, {
        method: 'DELETE',
        cookie: member.cookie,
      });
      assert.equal(revoked.status, 204);
      const after = (await (await call(0, '/api/me/consents', { cookie: member.cookie })).json()) as {
        consents: unknown[];
      };
      assert.deepEqual(after.consents, []);
      assert.equal(await activeConsent(fresh.db, clinician.id, member.id), undefined);
      assert.equal(
        (
          await call(0, `/api/me/consents/${listed.consents[0]!.id}`, {
            method: 'DELETE',
            cookie: member.cookie,
          })
        ).status,
        404,
        'a second revocation on the other process finds nothing to revoke',
      );
      const trail = (await (await call(0, '/api/me/audit', { cookie: member.cookie })).json()) as {
        entries: { action: string }[];
      };
      assert.deepEqual(
        trail.entries.map((e) => e.action),
        ['consent.revoke', 'consent.grant', 'invitation.accept'],
      );
    } finally {
      await close();
    }
  },
);
