import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { todaySchema, type Checkin, type Today } from '@hipwise/core';
import { checkinCall, describeOnEachStore } from '../testing/test-app.js';

describeOnEachStore('check-ins', (t) => {
  const count = async (userId: string) =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checkins WHERE user_id = $1', [userId])
    )[0]!.n;

  test('a check-in is created once; a retry with the same key returns the first answer', async () => {
    const user = await t.newUser();
    const key = randomUUID();
    const first = await checkinCall(user, { pain: 6, stress: 4, note: 'stiff after the drive' }, key);
    assert.equal(first.status, 201);
    const firstBody = (await first.json()) as { checkin: Checkin };
    assert.deepEqual(
      { date: firstBody.checkin.date, pain: 6, stress: 4, note: 'stiff after the drive' },
      {
        date: '2026-03-10',
        pain: firstBody.checkin.pain,
        stress: firstBody.checkin.stress,
        note: firstBody.checkin.note,
      },
    );
    const retry = await checkinCall(user, { pain: 6, stress: 4, note: 'stiff after the drive' }, key);
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), firstBody);
    assert.equal(await count(user.id), 1);
  });

  test('the stored answer a retry gets is the first answer field for field, for a replacement too', async () => {
    const user = await t.newUser();
    await checkinCall(user, { pain: 7, stress: 7, note: 'first, "quoted" ünicode' });
    t.clock.set('2026-03-10T12:34:56.007Z'); // milliseconds with leading zeros
    try {
      const key = randomUUID();
      const first = await checkinCall(user, { pain: 5, stress: 6 }, key);
      assert.equal(first.status, 200);
      const firstText = await first.text();
      const retry = await checkinCall(user, { pain: 5, stress: 6 }, key);
      assert.equal(retry.status, 200);
      assert.deepEqual(JSON.parse(await retry.text()), JSON.parse(firstText));
      const { checkin } = JSON.parse(firstText) as { checkin: Checkin };
      assert.equal(checkin.note, null);
      assert.equal(checkin.updatedAt, '2026-03-10T12:34:56.007Z');
      assert.notEqual(checkin.createdAt, checkin.updatedAt);
    } finally {
      t.clock.set('2026-03-10T12:00:00Z');
    }
  });

  test('concurrent retries of one submission write it once', async () => {
    const user = await t.newUser();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => checkinCall(user, { pain: 3, stress: 2 }, key)),
    );
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
    assert.equal(await count(user.id), 1);
  });

  test('a second check-in the same day replaces the first (200); the next day makes a new one', async () => {
    const user = await t.newUser();
    assert.equal((await checkinCall(user, { pain: 7, stress: 7 })).status, 201);
    const edit = await checkinCall(user, { pain: 5, stress: 6 });
    assert.equal(edit.status, 200);
    assert.equal(((await edit.json()) as { checkin: Checkin }).checkin.pain, 5);
    assert.equal(await count(user.id), 1);
    t.clock.set('2026-03-11T08:00:00Z');
    assert.equal((await checkinCall(user, { pain: 4, stress: 3 })).status, 201);
    assert.equal(await count(user.id), 2);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test("the day is the user's own local day", async () => {
    const tokyo = await t.newUser({ timeZone: 'Asia/Tokyo' });
    const la = await t.newUser({ timeZone: 'America/Los_Angeles' });
    t.clock.set('2026-03-10T20:00:00Z'); // 05:00 on the 11th in Tokyo, 13:00 on the 10th in LA
    const a = (await (await checkinCall(tokyo, { pain: 1, stress: 1 })).json()) as { checkin: Checkin };
    const b = (await (await checkinCall(la, { pain: 1, stress: 1 })).json()) as { checkin: Checkin };
    assert.equal(a.checkin.date, '2026-03-11');
    assert.equal(b.checkin.date, '2026-03-10');
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('reusing a key for a different body is refused and writes nothing', async () => {
    const user = await t.newUser();
    const key = randomUUID();
    await checkinCall(user, { pain: 2, stress: 2 }, key);
    const reuse = await checkinCall(user, { pain: 9, stress: 9 }, key);
    assert.equal(reuse.status, 422);
    assert.equal(((await reuse.json()) as { error: { code: string } }).error.code, 'idempotency_key_reused');
    const today = (await (await user.call('/api/today')).json()) as Today;
    assert.equal(today.checkin?.pain, 2);
  });

  test('bad input gets a clear error and stores nothing', async () => {
    const user = await t.newUser();
    const cases: Array<[unknown, number, string]> = [
      [{ pain: 11, stress: 2 }, 422, 'pain'],
      [{ pain: 2.5, stress: 2 }, 422, 'pain'],
      [{ pain: '2', stress: 2 }, 422, 'pain'],
      [{ pain: 2 }, 422, 'stress'],
      [{ pain: 2, stress: 2, note: 'x'.repeat(1001) }, 422, 'note'],
      [{ pain: 2, stress: 2, userId: 'someone-else' }, 422, '_'],
      [[1, 2], 422, '_'],
    ];
    for (const [body, status, field] of cases) {
      const res = await checkinCall(user, body);
      assert.equal(res.status, status, JSON.stringify(body));
      const err = (await res.json()) as { error: { fields: Record<string, string>; message: string } };
      assert.ok(
        err.error.fields[field],
        `${JSON.stringify(body)} should name ${field}: ${err.error.message}`,
      );
    }
    const malformed = await user.call('/api/checkins', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    });
    assert.equal(malformed.status, 400);
    const noKey = await user.call('/api/checkins', { json: { pain: 1, stress: 1 } });
    assert.equal(noKey.status, 400);
    assert.equal(
      ((await noKey.json()) as { error: { code: string } }).error.code,
      'idempotency_key_required',
    );
    const badKey = await checkinCall(user, { pain: 1, stress: 1 }, 'sh');
    assert.equal(badKey.status, 422);
    const notJson = await user.call('/api/checkins', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() },
    });
    assert.equal(notJson.status, 415);
    assert.equal(await count(user.id), 0);
  });

  test('a note with a NUL character or a broken character is a 422, not a database error', async () => {
    // Found by route fuzzing: PostgreSQL cannot store NUL in text, so this was a 500.
    const user = await t.newUser();
    for (const note of ['before\u0000after', 'half a pair \ud83d']) {
      const res = await checkinCall(user, { pain: 2, stress: 2, note });
      assert.equal(res.status, 422, note);
      const { error } = (await res.json()) as { error: { message: string; fields: Record<string, string> } };
      assert.match(error.message, /^The request is not valid: note must/);
      assert.ok(error.fields.note);
    }
    assert.equal(await count(user.id), 0);
    assert.equal((await checkinCall(user, { pain: 2, stress: 2, note: 'fine ☕ e\u0301' })).status, 201);
  });

  test('GET /api/checkins returns the range asked for, and validates it', async () => {
    const user = await t.newUser();
    for (const day of ['2026-03-01', '2026-03-05', '2026-03-09']) {
      t.clock.set(`${day}T09:00:00Z`);
      await checkinCall(user, { pain: Number(day.slice(-1)), stress: 1 });
    }
    t.clock.set('2026-03-10T12:00:00Z');
    const res = await user.call('/api/checkins?from=2026-03-02&to=2026-03-09');
    assert.equal(res.status, 200);
    const { checkins } = (await res.json()) as { checkins: Checkin[] };
    assert.deepEqual(
      checkins.map((c) => [c.date, c.pain]),
      [
        ['2026-03-05', 5],
        ['2026-03-09', 9],
      ],
    );
    for (const q of [
      'from=2026-03-09&to=2026-03-01',
      'from=2026-02-30&to=2026-03-01',
      'from=x',
      'to=2026-01-01',
    ]) {
      assert.equal((await user.call(`/api/checkins?${q}`)).status, 422, q);
    }
    const answer = await user.call('/api/today');
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    // The history is spliced in as text (repositories/today.ts): the whole must still be a Today.
    const today = todaySchema.strict().parse(await answer.json());
    assert.equal(today.date, '2026-03-10');
    assert.equal(today.checkin, null);
    assert.equal(today.user.id, user.id);
    assert.deepEqual(
      today.history.map((c) => [c.date, c.pain, c.stress, c.note]),
      [
        ['2026-03-01', 1, 1, null],
        ['2026-03-05', 5, 1, null],
        ['2026-03-09', 9, 1, null],
      ],
    );
  });
});
