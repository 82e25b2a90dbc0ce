import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditPage } from '@hipwise/core';
import { checkinCall, sessionCookieOf, describeOnEachStore } from '../testing/test-app.js';
import { baselineBody, NO_RED_FLAGS } from '../testing/fixtures.js';

const allNo = NO_RED_FLAGS;
const baseline = baselineBody();

describeOnEachStore('account', (t) => {
  test('time zone setting is validated and saved', async () => {
    const user = await t.newUser();
    const bad = await user.call('/api/me/settings', {
      method: 'PATCH',
      json: { timeZone: 'Atlantis/Capital' },
    });
    assert.equal(bad.status, 422);
    const ok = await user.call('/api/me/settings', {
      method: 'PATCH',
      json: { timeZone: 'America/Chicago' },
    });
    assert.equal(ok.status, 200);
    const me = (await (await user.call('/api/me')).json()) as { user: { timeZone: string } };
    assert.equal(me.user.timeZone, 'America/Chicago');
  });

  test('changing the password needs the current one and ends other sessions', async () => {
    const user = await t.newUser();
    const login = await t.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    const otherCookie = sessionCookieOf(login);
    const wrong = await user.call('/api/me/password', {
      json: { currentPassword: 'not it at all', newPassword: 'a brand new password' },
    });
    assert.equal(wrong.status, 401);
    const ok = await user.call('/api/me/password', {
      json: { currentPassword: user.password, newPassword: 'a brand new password' },
    });
    assert.equal(ok.status, 204);
    assert.equal((await user.call('/api/me')).status, 200, 'the session that changed it stays');
    assert.equal((await t.request('/api/me', { headers: { cookie: otherCookie } })).status, 401);
    const oldPw = await t.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    assert.equal(oldPw.status, 401);
    // One line in the member's trail, for the change that happened; the refused attempt is none.
    const trail = (await (await user.call('/api/me/audit')).json()) as AuditPage;
    assert.deepEqual(
      trail.entries.map((l) => [l.action, l.actor.email, l.at]),
      [['password.change', user.email, t.clock.now().toISOString()]],
    );
  });

  test('export holds everything the user stored', async () => {
    const user = await t.newUser();
    await user.call('/api/screenings', { json: { answers: { ...allNo, trauma: true } } });
    await user.call('/api/baseline', { method: 'PUT', json: baseline });
    await checkinCall(user, { pain: 4, stress: 5, note: 'long meeting' });
    const res = await user.call('/api/me/export');
    assert.equal(res.status, 200);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /attachment; filename="hipwise-export-2026-03-10.json"/,
    );
    const data = (await res.json()) as {
      format: string;
      account: { email: string; passwordHash?: string };
      screenings: Array<{ outcome: string; answers: Record<string, boolean> }>;
      baseline: { pegScore: number; sittingHoursPerWorkday: number };
      checkins: Array<{ note: string }>;
    };
    assert.equal(data.format, 'hipwise-export');
    assert.equal(data.account.email, user.email);
    assert.equal(data.account.passwordHash, undefined, 'never export the password hash');
    assert.equal(data.screenings[0]?.outcome, 'same_day');
    assert.equal(data.screenings[0]?.answers.trauma, true);
    assert.equal(data.baseline.pegScore, 4.3);
    assert.equal(data.baseline.sittingHoursPerWorkday, 7.5);
    assert.equal(data.checkins[0]?.note, 'long meeting');
  });

  test('deleting the account needs the password, then removes every row of the user', async () => {
    const user = await t.newUser();
    const keep = await t.newUser();
    for (const u of [user, keep]) {
      await u.call('/api/screenings', { json: { answers: allNo } });
      await u.call('/api/baseline', { method: 'PUT', json: baseline });
      await checkinCall(u, { pain: 4, stress: 5 });
    }
    const wrong = await user.call('/api/me', { method: 'DELETE', json: { password: 'wrong password' } });
    assert.equal(wrong.status, 401);
    const res = await user.call('/api/me', { method: 'DELETE', json: { password: user.password } });
    assert.equal(res.status, 204);
    for (const table of ['users', 'sessions', 'screenings', 'baselines', 'checkins', 'idempotency_keys']) {
      const column = table === 'users' ? 'id' : 'user_id';
      const rows = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [user.id],
      );
      assert.equal(rows[0]?.n, 0, `${table} still holds the deleted user's rows`);
      const kept = await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [keep.id],
      );
      assert.ok((kept[0]?.n ?? 0) > 0, `${table} lost another user's rows`);
    }
    assert.equal((await user.call('/api/me')).status, 401);
  });
});

describeOnEachStore('onboarding', (t) => {
  test('each screening answer set gets its outcome, stored with its time', async () => {
    const user = await t.newUser();
    const cases: Array<[Record<string, boolean>, string]> = [
      [allNo, 'clear'],
      [{ ...allNo, cancer_history: true }, 'see_clinician'],
      [{ ...allNo, cancer_history: true, fever_unwell: true }, 'same_day'],
      [{ ...allNo, cancer_history: true, saddle_numbness: true }, 'emergency'],
    ];
    for (const [answers, outcome] of cases) {
      t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
      const res = await user.call('/api/screenings', { json: { answers } });
      assert.equal(res.status, 201);
      const { screening } = (await res.json()) as { screening: { outcome: string; createdAt: string } };
      assert.equal(screening.outcome, outcome);
      assert.equal(screening.createdAt, t.clock.now().toISOString());
      const me = (await (await user.call('/api/me')).json()) as { screening: { outcome: string } };
      assert.equal(me.screening.outcome, outcome, 'the latest screening is the one shown');
    }
  });

  test('a screening must answer every question', async () => {
    const user = await t.newUser();
    const { trauma: _omitted, ...partial } = allNo;
    const res = await user.call('/api/screenings', { json: { answers: partial } });
    assert.equal(res.status, 422);
    const err = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.ok(err.error.fields['answers.trauma']);
    const me = (await (await user.call('/api/me')).json()) as { screening: unknown };
    assert.equal(me.screening, null);
  });

  test('the baseline is stored with its PEG score and can be corrected', async () => {
    const user = await t.newUser();
    const first = await user.call('/api/baseline', { method: 'PUT', json: baseline });
    assert.equal(first.status, 200);
    assert.equal(((await first.json()) as { baseline: { pegScore: number } }).baseline.pegScore, 4.3);
    await user.call('/api/baseline', {
      method: 'PUT',
      json: { ...baseline, peg: { pain: 9, enjoyment: 9, activity: 6 } },
    });
    const me = (await (await user.call('/api/me')).json()) as { baseline: { pegScore: number } };
    assert.equal(me.baseline.pegScore, 8);
    for (const bad of [
      { ...baseline, sittingHoursPerWorkday: 25 },
      { ...baseline, sittingHoursPerWorkday: 7.25 },
      { ...baseline, peg: { pain: 5, enjoyment: 4 } },
    ]) {
      assert.equal((await user.call('/api/baseline', { method: 'PUT', json: bad })).status, 422);
    }
  });
});
