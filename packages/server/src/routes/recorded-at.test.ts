import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  INSTRUMENTS,
  type Checkin,
  type ExerciseSession,
  type QuestionnaireResponse,
  type StressSession,
  type Today,
} from '@hipwise/core';
import { checkinCall, describeOnEachStore, type TestUser } from '../testing/test-app.js';
import { chairSession, NO_RED_FLAGS } from '../testing/fixtures.js';

// Berlin is UTC+1 in March 2026: 23:50 there on the 10th is 22:50 UTC; 00:10 on the 11th is 23:10 UTC.
const BERLIN = 'Europe/Berlin';
const MADE = '2026-03-10T23:50:00+01:00';
const SENT = '2026-03-10T23:10:00Z';
const NOON = '2026-03-10T12:00:00Z';

interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describeOnEachStore('writes dated by when they were made (recordedAt)', (t) => {
  async function berliner(): Promise<TestUser> {
    t.clock.set(NOON);
    const user = await t.newUser({ timeZone: BERLIN });
    const screened = await user.call('/api/screenings', { json: { answers: NO_RED_FLAGS } });
    assert.equal(screened.status, 201);
    return user;
  }

  const checkinsOn = async (user: TestUser, from: string, to: string) =>
    ((await (await user.call(`/api/checkins?from=${from}&to=${to}`)).json()) as { checkins: Checkin[] })
      .checkins;

  test("a check-in made at 23:50 and sent at 00:10 counts for the day it was made, in the user's zone", async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const res = await checkinCall(user, { pain: 6, stress: 5, recordedAt: MADE });
    assert.equal(res.status, 201);
    const { checkin } = (await res.json()) as { checkin: Checkin };
    assert.equal(checkin.date, '2026-03-10');
    assert.equal(checkin.createdAt, '2026-03-10T22:50:00.000Z');
    assert.equal(checkin.updatedAt, '2026-03-10T22:50:00.000Z');
    // Today is already the 11th in Berlin, and has no check-in yet.
    const today = (await (await user.call('/api/today')).json()) as Today;
    assert.equal(today.date, '2026-03-11');
    assert.equal(today.checkin, null);
    // Without recordedAt the same moment is dated by the server: the 11th.
    const now = (await (await checkinCall(user, { pain: 2, stress: 2 })).json()) as { checkin: Checkin };
    assert.equal(now.checkin.date, '2026-03-11');
  });

  test("yesterday's check-in sent after today's is stored for yesterday and leaves today's as it is", async () => {
    const user = await berliner();
    t.clock.set('2026-03-10T23:05:00Z'); // 00:05 on the 11th
    assert.equal((await checkinCall(user, { pain: 3, stress: 3 })).status, 201);
    t.clock.set(SENT);
    const late = await checkinCall(user, { pain: 7, stress: 6, recordedAt: MADE });
    assert.equal(late.status, 201);
    assert.deepEqual(
      (await checkinsOn(user, '2026-03-10', '2026-03-11')).map((c) => [c.date, c.pain]),
      [
        ['2026-03-10', 7],
        ['2026-03-11', 3],
      ],
    );
  });

  test("a check-in made well before the day's stored one does not replace it; within the clock skew the last sent wins", async () => {
    const user = await berliner();
    t.clock.set('2026-03-10T18:00:00Z');
    assert.equal((await checkinCall(user, { pain: 4, stress: 4 })).status, 201);
    // Kept on a phone since the morning, sent in the evening: the evening's answer stands.
    t.clock.set('2026-03-10T19:00:00Z');
    const key = randomUUID();
    const morning = { pain: 8, stress: 8, recordedAt: '2026-03-10T09:00:00+01:00' };
    const late = await checkinCall(user, morning, key);
    assert.equal(late.status, 200);
    const answer = (await late.json()) as { checkin: Checkin };
    assert.deepEqual([answer.checkin.pain, answer.checkin.updatedAt], [4, '2026-03-10T18:00:00.000Z']);
    const retry = await checkinCall(user, morning, key);
    assert.equal(retry.status, 200);
    assert.deepEqual(await retry.json(), answer);
    // Two minutes earlier by another device's clock is an edit, not a late arrival.
    const edit = await checkinCall(user, { pain: 5, stress: 4, recordedAt: '2026-03-10T18:58:00Z' });
    assert.equal(edit.status, 200);
    assert.equal(((await edit.json()) as { checkin: Checkin }).checkin.pain, 5);
    assert.deepEqual(
      (await checkinsOn(user, '2026-03-10', '2026-03-10')).map((c) => c.pain),
      [5],
    );
  });

  test('a write made more than 14 days ago is refused with a sentence, and nothing is stored', async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const old = await checkinCall(user, { pain: 6, stress: 5, recordedAt: '2026-02-24T20:00:00Z' });
    assert.equal(old.status, 422);
    const { error } = (await old.json()) as ApiErrorBody;
    assert.equal(error.code, 'recorded_too_long_ago');
    assert.equal(
      error.message,
      "This check-in was made on 2026-02-24, more than 14\u00a0days ago, and hipwise takes records up to 14\u00a0days old. Dismiss it, and note what matters in today's check-in (if that date is wrong, correct this device's clock first).",
    );
    assert.ok(error.fields?.['recordedAt']);
    assert.deepEqual(await checkinsOn(user, '2026-02-01', '2026-03-11'), []);
    // Just inside the bound is taken.
    const inside = await checkinCall(user, { pain: 6, stress: 5, recordedAt: '2026-02-25T00:00:00Z' });
    assert.equal(inside.status, 201);
    assert.equal(((await inside.json()) as { checkin: Checkin }).checkin.date, '2026-02-25');
  });

  test('a retry of a stored write gets its first answer even once it is older than the bound', async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const key = randomUUID();
    const body = { pain: 6, stress: 5, recordedAt: MADE };
    const first = await checkinCall(user, body, key);
    assert.equal(first.status, 201);
    t.clock.set('2026-03-30T12:00:00Z');
    const retry = await checkinCall(user, body, key);
    assert.equal(retry.status, 201);
    assert.deepEqual(await retry.json(), await first.json());
  });

  test('a write dated more than 5 minutes ahead of the server is refused; a little ahead is taken', async () => {
    const user = await berliner();
    t.clock.set(NOON);
    const ahead = await checkinCall(user, { pain: 6, stress: 5, recordedAt: '2026-03-10T12:06:00Z' });
    assert.equal(ahead.status, 422);
    const { error } = (await ahead.json()) as ApiErrorBody;
    assert.equal(error.code, 'recorded_in_the_future');
    assert.match(error.message, /^This check-in is dated 6\u00a0minutes later than the server's clock/);
    assert.match(error.message, /Set its date and time, then save the check-in again\.$/);
    assert.deepEqual(await checkinsOn(user, '2026-03-10', '2026-03-10'), []);
    const skew = await checkinCall(user, { pain: 6, stress: 5, recordedAt: '2026-03-10T13:04:00+01:00' });
    assert.equal(skew.status, 201);
    assert.equal(((await skew.json()) as { checkin: Checkin }).checkin.createdAt, '2026-03-10T12:04:00.000Z');
  });

  test('recordedAt must be an ISO 8601 date and time with its offset', async () => {
    const user = await berliner();
    for (const recordedAt of ['2026-03-10 11:00', '2026-03-10T11:00:00', '2026-03-10', 1773140400000, '']) {
      const res = await checkinCall(user, { pain: 1, stress: 1, recordedAt });
      assert.equal(res.status, 422, String(recordedAt));
      const { error } = (await res.json()) as ApiErrorBody;
      assert.match(error.fields?.['recordedAt'] ?? '', /date and time|right kind/, String(recordedAt));
    }
  });

  test('an exercise session made at 23:50 and sent after midnight is dated the day it was made', async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const res = await user.call('/api/exercise-sessions', {
      json: { ...chairSession(10), recordedAt: MADE },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { session } = (await res.json()) as { session: ExerciseSession };
    assert.deepEqual([session.date, session.createdAt], ['2026-03-10', '2026-03-10T22:50:00.000Z']);
    const old = await user.call('/api/exercise-sessions', {
      json: { ...chairSession(10), recordedAt: '2026-02-01T10:00:00Z' },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(old.status, 422);
    assert.match(((await old.json()) as ApiErrorBody).error.message, /^This exercise session was made on/);
  });

  test('a breathing session made at 23:50 and sent after midnight is dated the day it was made', async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const body = {
      plannedMinutes: 2,
      durationSeconds: 100,
      inhaleSeconds: 4,
      exhaleSeconds: 6,
      stressBefore: 6,
      stressAfter: 3,
    };
    const res = await user.call('/api/stress/sessions', {
      json: { ...body, recordedAt: MADE },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { session } = (await res.json()) as { session: StressSession };
    assert.deepEqual([session.date, session.createdAt], ['2026-03-10', '2026-03-10T22:50:00.000Z']);
    const ahead = await user.call('/api/stress/sessions', {
      json: { ...body, recordedAt: '2026-03-11T00:00:00Z' },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(ahead.status, 422);
    assert.match(((await ahead.json()) as ApiErrorBody).error.message, /^This breathing session is dated/);
  });

  test('a questionnaire finished at 23:50 and sent after midnight is dated the day it was finished', async () => {
    const user = await berliner();
    t.clock.set(SENT);
    const answers = Object.fromEntries(INSTRUMENTS.pss4.items.map((i) => [i.id, 1]));
    const res = await user.call('/api/measures/responses', {
      json: { instrumentId: 'pss4', answers, completed: true, recordedAt: MADE },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { response } = (await res.json()) as { response: QuestionnaireResponse };
    assert.deepEqual([response.date, response.completedAt], ['2026-03-10', '2026-03-10T22:50:00.000Z']);
    const old = await user.call('/api/measures/responses', {
      json: { instrumentId: 'pss4', answers, completed: true, recordedAt: '2026-01-10T10:00:00Z' },
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(old.status, 422);
    assert.match(
      ((await old.json()) as ApiErrorBody).error.message,
      /^This questionnaire was made on 2026-01-10/,
    );
  });
});
