import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type {
  CaseloadResponse,
  ClinicianMemberResponse,
  DailyPlan,
  ExerciseSession,
  StressOverview,
} from '@hipwise/core';
import { describeOnEachStore, type TestUser } from '../testing/test-app.js';
import { breathingSession, chairSession, NO_RED_FLAGS } from '../testing/fixtures.js';
import { grantConsent, makeClinician } from '../testing/consent-support.js';

/**
 * Sessions done offline arrive after later ones done online. Every list and pick of a day's
 * sessions follows when they were done: the one done at 09:00 and synced at 11:00 comes before
 * the one done and sent at 10:00.
 */
const DONE_ONLINE = '2026-03-10T10:00:00Z';
const DONE_OFFLINE = '2026-03-10T09:00:00Z';
const SYNCED = '2026-03-10T11:00:00Z';

describeOnEachStore('sessions of one day in the order they were done', (t) => {
  async function member(): Promise<TestUser> {
    t.clock.set('2026-03-10T08:00:00Z');
    const user = await t.newUser();
    assert.equal((await user.call('/api/screenings', { json: { answers: NO_RED_FLAGS } })).status, 201);
    return user;
  }

  const send = (user: TestUser, path: string, body: unknown) =>
    user.call(path, { json: body, headers: { 'idempotency-key': randomUUID() } });

  /** A 12 s session done at 10:00 online, then a 10 s one done at 09:00 and kept offline until 11:00. */
  async function exerciseOutOfOrder(user: TestUser) {
    t.clock.set(DONE_ONLINE);
    assert.equal((await send(user, '/api/exercise-sessions', chairSession(12))).status, 201);
    t.clock.set(SYNCED);
    const late = await send(user, '/api/exercise-sessions', {
      ...chairSession(10),
      recordedAt: DONE_OFFLINE,
    });
    assert.equal(late.status, 201);
  }

  const holdsOf = (sessions: readonly ExerciseSession[]) => sessions.map((s) => s.plannedHoldSeconds);

  test("exercise sessions: the history, Today's session and the export follow when they were done", async () => {
    const user = await member();
    await exerciseOutOfOrder(user);

    const { sessions } = (await (await user.call('/api/exercise-sessions?limit=10')).json()) as {
      sessions: ExerciseSession[];
    };
    assert.deepEqual(holdsOf(sessions), [12, 10], 'newest first: the one done at 10:00');
    assert.deepEqual(
      sessions.map((s) => s.createdAt),
      ['2026-03-10T10:00:00.000Z', '2026-03-10T09:00:00.000Z'],
    );

    // Today's exercise shows the day's last session done, not the last to arrive.
    const plan = (await (await user.call('/api/plan')).json()) as DailyPlan;
    const exercise = plan.items.find((i) => i.kind === 'exercise');
    assert.equal(exercise?.kind === 'exercise' && exercise.done, true);
    assert.equal(exercise?.kind === 'exercise' && exercise.holdSeconds, 12);

    const exported = (await (await user.call('/api/me/export')).json()) as {
      exerciseSessions: Array<{ plannedHoldSeconds: number }>;
    };
    assert.deepEqual(
      exported.exerciseSessions.map((s) => s.plannedHoldSeconds),
      [10, 12],
      'oldest first: the one done at 09:00',
    );
  });

  test("the clinician's member page and caseload follow when the member's sessions were done", async () => {
    const user = await member();
    const clinician = await t.newUser();
    await makeClinician(t.db, clinician.id);
    await grantConsent(t.db, { memberId: user.id, clinicianId: clinician.id });
    await exerciseOutOfOrder(user);

    const detail = (await (
      await clinician.call(`/api/clinician/members/${user.id}`)
    ).json()) as ClinicianMemberResponse;
    assert.deepEqual(holdsOf(detail.sessions), [12, 10]);
    const caseload = (await (await clinician.call('/api/clinician/caseload')).json()) as CaseloadResponse;
    const line = caseload.members.find((m) => m.memberId === user.id);
    assert.equal(
      line?.lastActivity,
      '2026-03-10T10:00:00.000Z',
      'the last session done, not the last synced',
    );
  });

  test('breathing sessions: the recent list and the export follow when they were done', async () => {
    const user = await member();
    t.clock.set(DONE_ONLINE);
    assert.equal((await send(user, '/api/stress/sessions', breathingSession())).status, 201);
    t.clock.set(SYNCED);
    const late = { ...breathingSession(), stressBefore: 8, recordedAt: DONE_OFFLINE };
    assert.equal((await send(user, '/api/stress/sessions', late)).status, 201);

    const overview = (await (await user.call('/api/stress')).json()) as StressOverview;
    assert.deepEqual(
      overview.recentSessions.map((s) => s.stressBefore),
      [6, 8],
      'newest first: the one done at 10:00',
    );
    const exported = (await (await user.call('/api/me/export')).json()) as {
      stressSessions: Array<{ stressBefore: number }>;
    };
    assert.deepEqual(
      exported.stressSessions.map((s) => s.stressBefore),
      [8, 6],
    );
    const csv = await (await user.call('/api/measures/export/stress-sessions.csv')).text();
    const befores = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',')[6]);
    assert.deepEqual(befores, ['8', '6']);
  });
});
