import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { freshDatabase, skipPostgres } from './testing/test-databases.js';
import { runTs, SERVER_MAIN, stop } from './testing/run-process.js';

/**
 * Two server processes on one PostgreSQL, requests dealt to them in turn as a round-robin load
 * balancer would: nothing that matters may live in one process's memory.
 */
test(
  'two server processes behind a round-robin share sessions, idempotency and log-in limits',
  { skip: skipPostgres('postgres') },
  async () => {
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
    try {
      const urls = servers.map((s) => /running at (http:\S+)/.exec(s.output)?.[1]);
      assert.ok(urls[0] && urls[1], servers.map((s) => s.output).join('\n'));
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
      await Promise.all(servers.map((s) => stop(s.child)));
      await fresh.drop();
    }
  },
);
