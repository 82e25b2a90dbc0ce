import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Today } from '@hipwise/core';
import { checkinCall, describeOnEachStore } from '../testing/test-app.js';

describeOnEachStore(`one user never sees or changes another's data,`, (t) => {
  test("user B cannot read or change user A's check-ins", async () => {
    const a = await t.newUser();
    const b = await t.newUser();
    const key = randomUUID();
    await checkinCall(a, { pain: 8, stress: 7, note: 'private note of A' }, key);

    const bToday = (await (await b.call('/api/today')).json()) as Today;
    assert.equal(bToday.checkin, null);
    assert.deepEqual(bToday.history, []);
    const bRange = (await (await b.call('/api/checkins?from=2020-01-01&to=2029-12-31')).json()) as {
      checkins: [];
    };
    assert.deepEqual(bRange.checkins, []);
    const bExport = await (await b.call('/api/me/export')).text();
    assert.doesNotMatch(bExport, /private note of A/);

    // B replaying A's idempotency key gets B's own new check-in, never A's stored answer.
    const replay = await checkinCall(b, { pain: 8, stress: 7, note: 'private note of A' }, key);
    assert.equal(replay.status, 201);
    await checkinCall(b, { pain: 1, stress: 1 });

    // Fields that name another user are refused, not obeyed.
    const smuggle = await checkinCall(b, { pain: 0, stress: 0, userId: a.id });
    assert.equal(smuggle.status, 422);

    const aToday = (await (await a.call('/api/today')).json()) as Today;
    assert.equal(aToday.checkin?.pain, 8);
    assert.equal(aToday.checkin?.note, 'private note of A');
    assert.equal(aToday.user.id, a.id);
  });

  test("B's settings, screening and deletion never touch A", async () => {
    const a = await t.newUser({ timeZone: 'Europe/Berlin' });
    const b = await t.newUser();
    await checkinCall(a, { pain: 3, stress: 3 });
    await b.call('/api/me/settings', { method: 'PATCH', json: { timeZone: 'Asia/Tokyo' } });
    await b.call('/api/screenings', {
      json: {
        answers: Object.fromEntries((await import('@hipwise/core')).RED_FLAG_IDS.map((id) => [id, true])),
      },
    });
    assert.equal((await b.call('/api/me', { method: 'DELETE', json: { password: b.password } })).status, 204);
    const me = (await (await a.call('/api/me')).json()) as { user: { timeZone: string }; screening: unknown };
    assert.equal(me.user.timeZone, 'Europe/Berlin');
    assert.equal(me.screening, null);
    assert.equal(((await (await a.call('/api/today')).json()) as Today).checkin?.pain, 3);
  });
});
