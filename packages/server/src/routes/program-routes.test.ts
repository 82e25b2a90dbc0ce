import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  dailyPlanSchema,
  exerciseSessionResultSchema,
  exerciseSessionsResponseSchema,
  lessonReadResponseSchema,
  lessonsResponseSchema,
  progressionResponseSchema,
  RED_FLAG_IDS,
  type DailyPlanJson,
  type ExerciseSessionBody,
  type RedFlagId,
} from '@hipwise/core';
import { type TestUser, describeOnEachStore } from '../testing/test-app.js';
import { chairSession } from '../testing/fixtures.js';

const DAY_ONE = '2026-03-10';
const at = (date: string, time = '12:00:00') => `${date}T${time}Z`;
const plusDays = (n: number) =>
  new Date(Date.parse(`${DAY_ONE}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const good = (hold = 10): ExerciseSessionBody => chairSession(hold);
const stopForPain: ExerciseSessionBody = {
  variant: 'chair',
  plannedSets: 3,
  plannedHoldSeconds: 10,
  achievedHoldSeconds: [6],
  painBefore: 3,
  painAfter: null,
  stoppedEarly: 'pain',
};

async function json<T>(res: Response, schema: { parse(x: unknown): T }, status = 200): Promise<T> {
  const body: unknown = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  return schema.parse(body);
}

async function errorCode(
  res: Response,
): Promise<{ status: number; code: string; fields: Record<string, string> }> {
  const body = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
  return { status: res.status, code: body.error.code, fields: body.error.fields ?? {} };
}

const screen = (user: TestUser, yes: RedFlagId[] = []) =>
  user.call('/api/screenings', {
    json: { answers: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)])) },
  });

const postSession = (user: TestUser, body: unknown, key: string = randomUUID()) =>
  user.call('/api/exercise-sessions', { json: body, headers: { 'idempotency-key': key } });

const plan = async (user: TestUser): Promise<DailyPlanJson> =>
  json(await user.call('/api/plan'), dailyPlanSchema);
const progression = async (user: TestUser) =>
  json(await user.call('/api/progression'), progressionResponseSchema);

describeOnEachStore('programme API', (t) => {
  /** A user cleared on day one at noon UTC; the clock is left on day one. */
  async function clearedUser(opts: { timeZone?: string } = {}): Promise<TestUser> {
    t.clock.set(at(DAY_ONE));
    const user = await t.newUser({ ...opts, madeAt: new Date(at(DAY_ONE, '00:00:00')) });
    assert.equal((await screen(user)).status, 201);
    return user;
  }

  const count = async (table: string, userId: string) =>
    (
      await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [userId])
    )[0]!.n;

  test('without a clear screening the plan and sessions are blocked, with the reason', async () => {
    t.clock.set(at(DAY_ONE));
    const user = await t.newUser();
    const none = await plan(user);
    assert.deepEqual(
      [none.status, none.status === 'blocked' && none.reason],
      ['blocked', { code: 'screening_missing' }],
    );
    assert.deepEqual(none.items, []);
    await screen(user, ['cancer_history']);
    const later = await plan(user);
    const block = { code: 'screening_not_clear', outcome: 'see_clinician', clearanceAllowed: true };
    assert.deepEqual(later.status === 'blocked' && later.reason, block);
    assert.deepEqual((await progression(user)).block, block);
    // Lessons stay readable: understanding the method does no harm.
    const { lessons } = await json(await user.call('/api/lessons'), lessonsResponseSchema);
    assert.equal(lessons[0]?.unlocked, true);
  });

  test('day one: lesson 1, chair 3 x 10 s, check-in and sitting goals; ticks follow what is done', async () => {
    const user = await clearedUser();
    const first = await plan(user);
    assert.equal(first.status, 'ready');
    assert.equal(first.date, DAY_ONE);
    assert.deepEqual(
      first.items.map((i) => [i.id, i.done]),
      [
        ['lesson:starts-at-the-hips', false],
        ['exercise', false],
        ['checkin', false],
        ['sitting', false],
      ],
    );
    const sitting = first.items.find((i) => i.kind === 'sitting');
    // The break coach's goal with default settings: an 8-hour day / (30 min work + 3 min walk) = 14.
    assert.deepEqual(sitting?.kind === 'sitting' && [sitting.breaksTaken, sitting.breaksGoal], [0, 14]);

    await json(
      await user.call('/api/lessons/starts-at-the-hips/read', { method: 'PUT' }),
      lessonReadResponseSchema,
    );
    assert.equal((await postSession(user, good())).status, 201);
    await user.call('/api/checkins', {
      json: { pain: 3, stress: 2 },
      headers: { 'idempotency-key': randomUUID() },
    });
    const done = await plan(user);
    assert.deepEqual(
      done.items.map((i) => [i.id, i.done]),
      [
        ['lesson:starts-at-the-hips', true],
        ['exercise', true],
        ['checkin', true],
        ['sitting', false],
      ],
    );
  });

  test("the plan's walking breaks are the break coach's, against the user's own goal", async () => {
    const user = await clearedUser();
    assert.equal(
      (await user.call('/api/break-settings', { method: 'PUT', json: { workMinutes: 60, breakMinutes: 5 } }))
        .status,
      200,
    );
    const t0 = Date.parse(at(DAY_ONE, '08:00:00'));
    const events = [
      { type: 'present', at: t0 },
      { type: 'break-started', at: t0 + 3_600_000, kind: 'walk', endsAt: t0 + 3_900_000, cause: 'scheduled' },
      { type: 'break-ended', at: t0 + 3_900_000, kind: 'walk', startedAt: t0 + 3_600_000, outcome: 'taken' },
    ];
    assert.equal((await user.call('/api/break-events', { json: { events } })).status, 200);
    const sitting = (await plan(user)).items.find((i) => i.kind === 'sitting');
    // 8 hours / (60 + 5) min = 7 breaks in a day; one taken.
    assert.deepEqual(sitting?.kind === 'sitting' && [sitting.breaksTaken, sitting.breaksGoal, sitting.done], [
      1,
      7,
      false,
    ]);
  });

  test('lessons open one a day; marking read is idempotent, can be undone, and is refused while locked', async () => {
    const user = await clearedUser();
    const list = await json(await user.call('/api/lessons'), lessonsResponseSchema);
    assert.equal(list.startDate, DAY_ONE);
    assert.deepEqual(
      list.lessons.map((l) => [l.number, l.unlocked, l.unlocksOn]),
      [1, 2, 3, 4, 5, 6, 7].map((n) => [n, n === 1, plusDays(n - 1)]),
    );

    const mark = () => user.call('/api/lessons/starts-at-the-hips/read', { method: 'PUT' });
    const firstMark = await json(await mark(), lessonReadResponseSchema);
    assert.equal(firstMark.lesson.readOn, DAY_ONE);
    t.clock.set(at(plusDays(1)));
    assert.equal(
      (await json(await mark(), lessonReadResponseSchema)).lesson.readOn,
      DAY_ONE,
      'keeps the first date',
    );
    assert.equal(await count('lesson_reads', user.id), 1);

    // Day two: lesson 2 is open and is today's lesson; lesson 3 is not open yet.
    const day2 = await plan(user);
    assert.equal(day2.status === 'ready' && day2.programDay, 2);
    assert.equal(day2.items[0]?.id, 'lesson:pelvic-tilt');
    const locked = await errorCode(await user.call('/api/lessons/uneven-sides/read', { method: 'PUT' }));
    assert.deepEqual([locked.status, locked.code], [409, 'lesson_locked']);
    const unknown = await errorCode(await user.call('/api/lessons/not-a-lesson/read', { method: 'PUT' }));
    assert.deepEqual([unknown.status, unknown.code], [404, 'lesson_not_found']);

    const undone = await json(
      await user.call('/api/lessons/starts-at-the-hips/read', { method: 'DELETE' }),
      lessonReadResponseSchema,
    );
    assert.equal(undone.lesson.readOn, null);
    assert.equal(await count('lesson_reads', user.id), 0);
    t.clock.set(at(DAY_ONE));
  });

  test('a session is stored once; a retry with the same key gets the first answer', async () => {
    const user = await clearedUser();
    const key = randomUUID();
    const first = await json(await postSession(user, good(), key), exerciseSessionResultSchema, 201);
    assert.equal(first.session.date, DAY_ONE);
    assert.deepEqual(first.session.achievedHoldSeconds, [10, 10, 10]);
    assert.deepEqual(first.session.formScores, [null, null, null]);
    assert.deepEqual(first.session.goodFormSeconds, [null, null, null]);
    assert.equal(first.progression.goodSessionsAtLevel, 1);
    assert.equal(first.block, null);
    const retry = await json(await postSession(user, good(), key), exerciseSessionResultSchema, 201);
    assert.deepEqual(retry, first);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => postSession(user, good(15), `${key}-b`)),
    );
    assert.deepEqual(new Set(concurrent.map((r) => r.status)), new Set([201]));
    assert.equal(await count('exercise_sessions', user.id), 2);

    const reuse = await errorCode(await postSession(user, { ...good(), painAfter: 9 }, key));
    assert.deepEqual([reuse.status, reuse.code], [422, 'idempotency_key_reused']);
    assert.equal(await count('exercise_sessions', user.id), 2);

    const { sessions } = await json(
      await user.call('/api/exercise-sessions'),
      exerciseSessionsResponseSchema,
    );
    assert.deepEqual(
      sessions.map((s) => s.plannedHoldSeconds),
      [15, 10],
      'newest first',
    );
    const one = await user.call(`/api/exercise-sessions/${first.session.id}`);
    assert.equal(((await one.json()) as { session: { id: string } }).session.id, first.session.id);
  });

  test("with the camera coach on, each set's form score and time in good form are kept", async () => {
    const user = await clearedUser();
    const camera = { ...good(), formScores: [0.9, null, 0.5], goodFormSeconds: [9, null, 5] };
    const saved = await json(await postSession(user, camera), exerciseSessionResultSchema, 201);
    assert.deepEqual(
      [saved.session.formScores, saved.session.goodFormSeconds],
      [camera.formScores, camera.goodFormSeconds],
    );
    const listed = await json(await user.call('/api/exercise-sessions'), exerciseSessionsResponseSchema);
    assert.deepEqual(listed.sessions[0]?.goodFormSeconds, [9, null, 5]);
  });

  test('bad sessions get a clear error and store nothing', async () => {
    const user = await clearedUser();
    const cases: Array<[unknown, string]> = [
      [{ ...good(), variant: 'standing' }, 'variant'],
      [{ ...good(), painBefore: 11 }, 'painBefore'],
      [{ ...good(), painAfter: null }, 'painAfter'],
      [{ ...good(), achievedHoldSeconds: [10, 10] }, 'achievedHoldSeconds'],
      [{ ...good(), achievedHoldSeconds: [10, 10, 10, 10] }, 'achievedHoldSeconds'],
      [{ ...good(), plannedHoldSeconds: 0 }, 'plannedHoldSeconds'],
      [{ ...good(), date: '2026-01-01' }, '_'],
      [{ ...good(), formScores: [0.5] }, 'formScores'],
    ];
    for (const [body, field] of cases) {
      const err = await errorCode(await postSession(user, body));
      assert.equal(err.status, 422, JSON.stringify(body));
      assert.ok(
        err.fields[field],
        `${JSON.stringify(body)} should name ${field}: ${JSON.stringify(err.fields)}`,
      );
    }
    const noKey = await errorCode(await user.call('/api/exercise-sessions', { json: good() }));
    assert.deepEqual([noKey.status, noKey.code], [400, 'idempotency_key_required']);
    assert.equal((await postSession(user, good(), 'x')).status, 422);
    assert.equal((await user.call('/api/exercise-sessions?limit=0')).status, 422);
    assert.equal(await count('exercise_sessions', user.id), 0);
  });

  test('six good chair days unlock the floor; staying on the chair is a choice', async () => {
    const user = await clearedUser();
    const holds = [10, 10, 10, 15, 15, 15];
    for (const [i, hold] of holds.entries()) {
      t.clock.set(at(plusDays(i), '08:00:00'));
      const planned = await plan(user);
      const ex = planned.items.find((x) => x.kind === 'exercise');
      assert.deepEqual(
        ex?.kind === 'exercise' && [ex.variant, ex.holdSeconds],
        ['chair', hold],
        `day ${i + 1}`,
      );
      await json(await postSession(user, good(hold)), exerciseSessionResultSchema, 201);
    }
    t.clock.set(at(plusDays(6)));
    const p = await progression(user);
    assert.deepEqual(
      [
        p.progression.floorUnlocked,
        p.progression.goodChairDays,
        p.progression.variant,
        p.progression.level.holdSeconds,
      ],
      [true, 6, 'floor', 10],
    );
    assert.deepEqual(p.prefs, { stayOnChair: false });

    const saved = await user.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: true } });
    assert.deepEqual(await saved.json(), { prefs: { stayOnChair: true } });
    const chair = await progression(user);
    assert.deepEqual(
      [chair.prefs.stayOnChair, chair.progression.variant, chair.progression.level.holdSeconds],
      [true, 'chair', 20],
    );
    const bad = await errorCode(
      await user.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: 'yes' } }),
    );
    assert.deepEqual([bad.status, Object.keys(bad.fields)], [422, ['stayOnChair']]);
    t.clock.set(at(DAY_ONE));
  });

  test('two stops for pain within a week pause the programme until a clear screening on a later day', async () => {
    const user = await clearedUser();
    const first = await json(await postSession(user, stopForPain), exerciseSessionResultSchema, 201);
    assert.deepEqual(
      [first.session.stoppedEarly, first.session.painAfter, first.block],
      ['pain', null, null],
    );
    const today = await plan(user);
    const ex = today.items.find((i) => i.kind === 'exercise');
    assert.deepEqual(ex?.kind === 'exercise' && [ex.done, ex.restAdvised], [false, true]);

    t.clock.set(at(plusDays(3)));
    const second = await json(await postSession(user, stopForPain), exerciseSessionResultSchema, 201);
    const stopped = { reason: 'stopped_for_pain', painBefore: 3, painAfter: null };
    const pause = {
      paused: true,
      triggeredBy: [DAY_ONE, plusDays(3)],
      triggers: [
        { date: DAY_ONE, ...stopped },
        { date: plusDays(3), ...stopped },
      ],
      lastStop: plusDays(3),
    };
    assert.deepEqual(second.block, { code: 'safety_pause', pause });
    const paused = await plan(user);
    assert.deepEqual(
      [paused.status, paused.status === 'blocked' && paused.reason],
      ['blocked', { code: 'safety_pause', pause }],
    );

    t.clock.set(at(plusDays(4)));
    await screen(user);
    assert.equal((await plan(user)).status, 'ready');
    t.clock.set(at(DAY_ONE));
  });

  test("the session's date is the user's own local day", async () => {
    const tokyo = await clearedUser({ timeZone: 'Asia/Tokyo' });
    t.clock.set('2026-03-10T20:00:00Z'); // 05:00 on the 11th in Tokyo
    const r = await json(await postSession(tokyo, good()), exerciseSessionResultSchema, 201);
    assert.equal(r.session.date, '2026-03-11');
    t.clock.set(at(DAY_ONE));
  });

  test("another user's sessions, reads and pauses are invisible", async () => {
    const alice = await clearedUser();
    const bob = await clearedUser();
    const a = await json(await postSession(alice, stopForPain), exerciseSessionResultSchema, 201);
    await postSession(alice, stopForPain);
    await alice.call('/api/lessons/starts-at-the-hips/read', { method: 'PUT' });
    await alice.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: true } });

    const other = await errorCode(await bob.call(`/api/exercise-sessions/${a.session.id}`));
    assert.deepEqual([other.status, other.code], [404, 'session_not_found']);
    assert.equal((await bob.call('/api/exercise-sessions/not-a-uuid')).status, 404);
    assert.deepEqual(
      (await json(await bob.call('/api/exercise-sessions'), exerciseSessionsResponseSchema)).sessions,
      [],
    );
    assert.equal((await plan(bob)).status, 'ready');
    assert.equal((await plan(alice)).status, 'blocked');
    const lessons = await json(await bob.call('/api/lessons'), lessonsResponseSchema);
    assert.equal(lessons.lessons[0]?.readOn, null);
    assert.deepEqual((await progression(bob)).prefs, { stayOnChair: false });
    // The same idempotency key from two users is two different requests.
    const key = randomUUID();
    assert.equal((await postSession(alice, good(), key)).status, 201);
    assert.equal((await postSession(bob, good(), key)).status, 201);
    assert.equal(await count('exercise_sessions', bob.id), 1);
  });

  test('every programme route needs a session, and deleting the user removes their rows', async () => {
    for (const [method, path] of [
      ['GET', '/api/plan'],
      ['GET', '/api/lessons'],
      ['GET', '/api/progression'],
      ['GET', '/api/exercise-sessions'],
      ['PUT', '/api/lessons/starts-at-the-hips/read'],
    ] as const) {
      assert.equal((await t.request(path, { method })).status, 401, `${method} ${path}`);
    }
    const user = await clearedUser();
    await postSession(user, good());
    await user.call('/api/lessons/starts-at-the-hips/read', { method: 'PUT' });
    await user.call('/api/program/prefs', { method: 'PUT', json: { stayOnChair: true } });
    await t.db.query('DELETE FROM users WHERE id = $1', [user.id]);
    for (const table of ['exercise_sessions', 'lesson_reads', 'program_prefs']) {
      assert.equal(await count(table, user.id), 0, table);
    }
  });
});
