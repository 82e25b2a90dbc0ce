import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ExerciseSessionBody } from '@hipwise/core';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { checkinCall, testApp, type TestApp } from '../testing/test-app.js';
import { historyBetween, historySources } from './progress-history.js';
import { chairSession, NO_RED_FLAGS } from '../testing/fixtures.js';

const MIN = 60_000;
const session = (stoppedEarly: 'none' | 'other'): ExerciseSessionBody =>
  chairSession(10, { stoppedEarly, ...(stoppedEarly === 'none' ? {} : { achievedHoldSeconds: [10] }) });

for (const kind of DATABASE_KINDS) {
  describe(
    `daily history for insights joins check-ins, sitting and exercise, on ${kind}`,
    { skip: skipPostgres(kind) },
    () => {
      let t: TestApp;
      before(async () => {
        t = await testApp(kind);
      });
      after(() => t.close());

      test('each source fills its fields; days before the first session have no exercise count', async () => {
        const user = await t.newUser({ timeZone: 'UTC', madeAt: new Date('2026-03-01T00:00:00Z') });
        await user.call('/api/screenings', { json: { answers: NO_RED_FLAGS } });
        const other = await t.newUser({ madeAt: new Date('2026-03-01T00:00:00Z') });

        t.clock.set('2026-03-10T12:00:00Z');
        await checkinCall(user, { pain: 6, stress: 5 });
        t.clock.set('2026-03-11T12:00:00Z');
        await checkinCall(user, { pain: 5, stress: 4 });
        const post = (body: ExerciseSessionBody) =>
          user.call('/api/exercise-sessions', { json: body, headers: { 'idempotency-key': randomUUID() } });
        assert.equal((await post(session('none'))).status, 201);
        assert.equal((await post(session('other'))).status, 201);
        // Two hours at the desk with one walking break on the 11th; another user's sitting must not show.
        const t0 = Date.parse('2026-03-11T08:00:00Z');
        const events = [
          { type: 'present', at: t0 },
          {
            type: 'break-started',
            at: t0 + 30 * MIN,
            kind: 'walk',
            endsAt: t0 + 33 * MIN,
            cause: 'scheduled',
          },
          {
            type: 'break-ended',
            at: t0 + 33 * MIN,
            kind: 'walk',
            startedAt: t0 + 30 * MIN,
            outcome: 'taken',
          },
          { type: 'away', at: t0 + 120 * MIN, locked: true },
        ];
        assert.equal((await user.call('/api/break-events', { json: { events } })).status, 200);
        t.clock.set('2026-03-13T12:00:00Z');
        assert.equal(
          (
            await other.call('/api/break-events', {
              json: { events: events.map((e) => ({ ...e, at: e.at + 86_400_000 })) },
            })
          ).status,
          200,
        );

        const days = await historyBetween(t.db, historySources(t.clock), user.id, '2026-03-09', '2026-03-13');
        const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
        assert.deepEqual(byDate['2026-03-10'], { date: '2026-03-10', pain: 6, stress: 5 });
        assert.equal(byDate['2026-03-11']?.pain, 5);
        assert.equal(
          byDate['2026-03-11']?.exerciseSessions,
          1,
          'a session ended early does not count as done',
        );
        assert.equal(byDate['2026-03-11']?.breaksTaken, 1);
        assert.equal(byDate['2026-03-11']?.sittingMinutes, 117);
        assert.equal(byDate['2026-03-12']?.exerciseSessions, 0);
        assert.equal(byDate['2026-03-12']?.sittingMinutes, undefined, "the other user's sitting is not here");
        assert.equal(byDate['2026-03-09'], undefined);
        t.clock.set('2026-03-10T12:00:00Z');
      });
    },
  );
}
