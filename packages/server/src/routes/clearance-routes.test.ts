import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  clearanceResponseSchema,
  clearancesResponseSchema,
  dailyPlanSchema,
  outcomeRank,
  RED_FLAG_IDS,
  screeningResponseSchema,
  todaySchema,
  type DailyPlanJson,
  type ExerciseSessionBody,
  type RedFlagId,
} from '@hipwise/core';
import { checkinCall, type TestUser, describeOnEachStore } from '../testing/test-app.js';
import { chairSession, evenBaseline } from '../testing/fixtures.js';

/**
 * Safety through the API: the four screening outcomes, clinicians' clearances, the pause after
 * painful sessions and the prompts to screen again, on a fresh server per database.
 */

const DAY = '2026-03-10';
const at = (date: string, time = '12:00:00') => `${date}T${time}Z`;
const plusDays = (n: number) =>
  new Date(Date.parse(`${DAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const answers = (yes: RedFlagId[] = []) =>
  Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)]));

async function json<T>(res: Response, schema: { parse(x: unknown): T }, status = 200): Promise<T> {
  const body: unknown = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  return schema.parse(body);
}

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

const session = (painBefore: number, painAfter: number): ExerciseSessionBody =>
  chairSession(10, { painBefore, painAfter });

describeOnEachStore('safety API', (t) => {
  /** Moves the clock on a minute, so each screening is later than the one before. */
  const tick = () => t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
  const screen = async (user: TestUser, yes: RedFlagId[] = []) => {
    tick();
    return (
      await json(
        await user.call('/api/screenings', { json: { answers: answers(yes) } }),
        screeningResponseSchema,
        201,
      )
    ).screening;
  };
  const clear = (user: TestUser, body: unknown, key = randomUUID()) =>
    user.call('/api/clearances', { json: body, headers: { 'idempotency-key': key } });
  const plan = async (user: TestUser): Promise<DailyPlanJson> =>
    json(await user.call('/api/plan'), dailyPlanSchema);
  const postSession = (user: TestUser, body: ExerciseSessionBody) =>
    user.call('/api/exercise-sessions', { json: body, headers: { 'idempotency-key': randomUUID() } });

  test('fever, a significant fall, an infection risk or a minor fall with osteoporosis: same day, above "see a clinician soon"', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    for (const flag of ['fever_unwell', 'trauma', 'infection_risk', 'minor_trauma_fragile'] as const) {
      const s = await screen(user, [flag]);
      assert.equal(s.outcome, 'same_day', flag);
      assert.ok(outcomeRank(s.outcome) > outcomeRank('see_clinician'));
    }
    const mixed = await screen(user, ['cancer_history', 'fever_unwell']);
    assert.equal(mixed.outcome, 'same_day');
    const p = await plan(user);
    assert.deepEqual(p.status === 'blocked' && p.reason, {
      code: 'screening_not_clear',
      outcome: 'same_day',
      clearanceAllowed: true,
    });
  });

  test('two sessions on one day with pain 2 -> 6 and no stop: the plan is paused, and says why', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    await screen(user);
    assert.equal((await plan(user)).status, 'ready');
    assert.equal((await postSession(user, session(2, 6))).status, 201);
    const afterOne = await plan(user);
    assert.equal(afterOne.status, 'ready');
    const ex = afterOne.items.find((i) => i.kind === 'exercise');
    assert.deepEqual(ex?.kind === 'exercise' && [ex.done, ex.restAdvised, ex.painToday], [
      true,
      true,
      'pain_rose',
    ]);
    assert.equal((await postSession(user, session(2, 6))).status, 201);
    const paused = await plan(user);
    assert.equal(paused.status, 'blocked');
    assert.ok(paused.status === 'blocked' && paused.reason.code === 'safety_pause');
    const rose = { date: DAY, reason: 'pain_rose', painBefore: 2, painAfter: 6 };
    assert.deepEqual(paused.reason.pause, {
      paused: true,
      triggeredBy: [DAY, DAY],
      triggers: [rose, rose],
      lastStop: DAY,
    });
  });

  test('the weekly summary counts painful sessions: stops for pain and rises of 2+ points', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    await screen(user);
    await postSession(user, {
      ...session(3, 3),
      achievedHoldSeconds: [4],
      stoppedEarly: 'pain',
      painAfter: null,
    });
    await postSession(user, session(2, 4));
    await postSession(user, session(2, 3));
    const weekly = (await (await user.call(`/api/measures/weekly?date=${DAY}`)).json()) as {
      painfulSessions: { painful: number; stoppedForPain: number; painRose: number };
    };
    assert.deepEqual(weekly.painfulSessions, { painful: 2, stoppedForPain: 1, painRose: 1 });
  });

  test('a clinician clearance dated after the last painful session lifts a pause; one dated on that day does not', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    await screen(user);
    await postSession(user, session(2, 6));
    await postSession(user, session(3, 5));
    assert.equal((await plan(user)).status, 'blocked');
    // A clearance on the day of the pain cannot be known to come after it.
    const sameDay = await errorOf(await clear(user, { clearedOn: DAY }));
    assert.deepEqual([sameDay.status, sameDay.code], [422, 'cleared_before_pause']);
    assert.equal((await plan(user)).status, 'blocked');
    t.clock.set(at(plusDays(1)));
    const lifted = await json(
      await clear(user, { clearedOn: plusDays(1), note: 'physio: fine to go on' }),
      clearanceResponseSchema,
      201,
    );
    assert.equal(lifted.clearance.note, 'physio: fine to go on');
    assert.equal((await plan(user)).status, 'ready');
    // Withdrawn, it lifts nothing any more.
    await json(
      await user.call(`/api/clearances/${lifted.clearance.id}`, { method: 'DELETE' }),
      clearanceResponseSchema,
    );
    assert.equal((await plan(user)).status, 'blocked');
  });

  test('a history of cancer: see a clinician soon; a clearance unlocks the plan and leaves the answers as they were', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    const s = await screen(user, ['cancer_history']);
    assert.equal(s.outcome, 'see_clinician');
    assert.equal((await plan(user)).status, 'blocked');

    const key = randomUUID();
    const first = await json(
      await clear(user, { clearedOn: plusDays(-20), note: '  oncologist: no recurrence  ' }, key),
      clearanceResponseSchema,
      201,
    );
    assert.deepEqual(
      [
        first.clearance.screeningId,
        first.clearance.coveredFlags,
        first.clearance.clearedOn,
        first.clearance.note,
        first.clearance.revokedAt,
      ],
      [s.id, ['cancer_history'], plusDays(-20), 'oncologist: no recurrence', null],
    );
    // A retry with the same key stores nothing new.
    const retry = await json(
      await clear(user, { clearedOn: plusDays(-20), note: '  oncologist: no recurrence  ' }, key),
      clearanceResponseSchema,
      201,
    );
    assert.equal(retry.clearance.id, first.clearance.id);
    const ready = await plan(user);
    assert.equal(ready.status, 'ready');
    assert.equal(ready.status === 'ready' && ready.programDay, 1);

    const latest = await json(await user.call('/api/screenings/latest'), screeningResponseSchema);
    assert.deepEqual(
      [latest.screening.outcome, latest.screening.answers.cancer_history],
      ['see_clinician', true],
    );
    const exported = (await (await user.call('/api/me/export')).json()) as {
      screenings: Array<{ answers: Record<string, boolean>; outcome: string }>;
      clinicianClearances: Array<{ id: string; note: string }>;
    };
    assert.deepEqual(
      exported.screenings.map((x) => [x.outcome, x.answers['cancer_history']]),
      [['see_clinician', true]],
    );
    assert.deepEqual(
      exported.clinicianClearances.map((c) => c.id),
      [first.clearance.id],
    );

    // The 12-weekly screening with the same answer stays cleared; a new flag needs a new check.
    await screen(user, ['cancer_history']);
    assert.equal((await plan(user)).status, 'ready');
    await screen(user, ['cancer_history', 'weight_loss']);
    assert.equal((await plan(user)).status, 'blocked');

    const list = await json(await user.call('/api/clearances'), clearancesResponseSchema);
    assert.equal(list.clearances.length, 1);
  });

  test('saddle numbness: an emergency, which no clearance unlocks; only a new screening does', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    const s = await screen(user, ['saddle_numbness', 'cancer_history']);
    assert.equal(s.outcome, 'emergency');
    const p = await plan(user);
    assert.deepEqual(p.status === 'blocked' && p.reason, {
      code: 'screening_not_clear',
      outcome: 'emergency',
      clearanceAllowed: false,
    });
    const refused = await errorOf(await clear(user, { clearedOn: DAY }));
    assert.deepEqual([refused.status, refused.code], [409, 'clearance_not_for_emergency']);
    assert.match(refused.message, /answer the safety questions again/);
    assert.equal(
      (await json(await user.call('/api/clearances'), clearancesResponseSchema)).clearances.length,
      0,
    );
    await screen(user);
    assert.equal((await plan(user)).status, 'ready');
  });

  test('a clearance is refused before any screening, when nothing waits for one, and for a date after today', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    assert.deepEqual((await errorOf(await clear(user, { clearedOn: DAY }))).code, 'screening_missing');
    await screen(user);
    assert.deepEqual((await errorOf(await clear(user, { clearedOn: DAY }))).code, 'nothing_to_clear');
    await screen(user, ['osteoporosis']);
    const future = await errorOf(await clear(user, { clearedOn: plusDays(1) }));
    assert.deepEqual([future.status, future.code], [422, 'cleared_on_in_future']);
    assert.equal((await clear(user, { clearedOn: DAY, note: 'x'.repeat(501) })).status, 422);
    assert.equal(
      (await user.call('/api/clearances', { json: { clearedOn: DAY } })).status,
      400,
      'no idempotency key',
    );
    const n = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM clinician_clearances WHERE user_id = $1',
      [user.id],
    );
    assert.equal(n[0]!.n, 0);
  });

  test("another user's clearance cannot be withdrawn or seen; deleting the account removes clearances", async () => {
    t.clock.set(at(DAY));
    const alice = await t.newUser();
    const bob = await t.newUser();
    await screen(alice, ['steroids_long_term']);
    const c = await json(await clear(alice, { clearedOn: DAY }), clearanceResponseSchema, 201);
    assert.equal((await bob.call(`/api/clearances/${c.clearance.id}`, { method: 'DELETE' })).status, 404);
    assert.equal((await bob.call('/api/clearances/not-a-uuid', { method: 'DELETE' })).status, 404);
    assert.deepEqual(
      (await json(await bob.call('/api/clearances'), clearancesResponseSchema)).clearances,
      [],
    );
    assert.equal((await plan(alice)).status, 'ready');
    await t.db.query('DELETE FROM users WHERE id = $1', [alice.id]);
    const n = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM clinician_clearances WHERE user_id = $1',
      [alice.id],
    );
    assert.equal(n[0]!.n, 0);
  });

  test('daily pain rising over the baseline week prompts the screening again, until it is answered', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    await screen(user);
    assert.equal((await user.call('/api/baseline', { method: 'PUT', json: evenBaseline(3) })).status, 200);
    for (let d = 7; d <= 11; d++) {
      t.clock.set(at(plusDays(d)));
      await checkinCall(user, { pain: 5, stress: 3 });
    }
    const p = await plan(user);
    assert.deepEqual(p.rescreen.reasons, ['pain_rising']);
    assert.deepEqual(p.rescreen.painRise, {
      windowStart: plusDays(5),
      checkins: 5,
      mean: 5,
      baselineWeekAverage: 3,
    });
    await screen(user);
    assert.deepEqual((await plan(user)).rescreen.reasons, []);
  });

  test('a screening stored with the old questions still reads, and asks to be answered again', async () => {
    t.clock.set(at(DAY));
    const user = await t.newUser();
    const old = {
      saddle_numbness: false,
      bladder_bowel: false,
      sexual_dysfunction: false,
      leg_weakness: false,
      age_onset: true,
      trauma: false,
      cancer_history: false,
      weight_loss: false,
      fever_unwell: false,
      immunosuppression: false,
      night_pain: false,
      thoracic_pain: false,
      pregnancy_surgery: false,
    };
    await t.db.query(
      `INSERT INTO screenings (user_id, answers, outcome, created_at) VALUES ($1, $2, 'see_clinician', $3)`,
      [user.id, JSON.stringify(old), new Date(at(DAY))],
    );
    const latest = await json(await user.call('/api/screenings/latest'), screeningResponseSchema);
    assert.deepEqual([latest.screening.outcome, latest.screening.answers.age_onset], ['see_clinician', true]);
    const today = todaySchema.parse(await (await user.call('/api/today')).json());
    assert.equal(today.screening?.answers.age_onset, true);
    const p = await plan(user);
    assert.deepEqual(p.status === 'blocked' && p.reason, {
      code: 'screening_not_clear',
      outcome: 'see_clinician',
      clearanceAllowed: true,
    });
    assert.deepEqual(p.rescreen.reasons, ['questions_changed']);
    // Its clearance covers the retired question it answered yes to.
    const c = await json(await clear(user, { clearedOn: DAY }), clearanceResponseSchema, 201);
    assert.deepEqual(c.clearance.coveredFlags, ['age_onset']);
    assert.equal((await plan(user)).status, 'ready');
  });
});
