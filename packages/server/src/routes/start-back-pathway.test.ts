import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dailyPlanSchema, INSTRUMENTS, type DailyPlanJson } from '@hipwise/core';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { testApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { breathingSession, NO_RED_FLAGS } from '../testing/fixtures.js';

const DAY = '2026-04-06';

/** STarT Back answers: agree with the given topics, bothersomeness as given (0-4). */
function startBack(agree: readonly string[], bothersomeness: number): Record<string, number> {
  return Object.fromEntries(
    INSTRUMENTS.start_back.items.map((i) => [
      i.id,
      i.id === 'bothersomeness' ? bothersomeness : agree.includes(i.id) ? 1 : 0,
    ]),
  );
}
// Total 6, distress subscale 5: high. Total 6, subscale 2: medium. Total 1: low.
const HIGH = startBack(['leg_pain', 'fear', 'anxiety', 'catastrophising', 'low_mood'], 4);
const MEDIUM = startBack(['leg_pain', 'shoulder_neck_pain', 'walking', 'dressing', 'fear'], 3);
const LOW = startBack(['leg_pain'], 0);

async function plan(user: TestUser): Promise<DailyPlanJson> {
  const res = await user.call('/api/plan');
  assert.equal(res.status, 200);
  return dailyPlanSchema.parse(await res.json());
}

async function answer(user: TestUser, answers: Record<string, number>) {
  const res = await user.call('/api/measures/responses', {
    json: { instrumentId: 'start_back', answers, completed: true },
    headers: { 'idempotency-key': randomUUID() },
  });
  assert.equal(res.status, 201, await res.clone().text());
  const body = (await res.json()) as { response: { scores: { risk: string } } };
  return body.response.scores.risk;
}

for (const kind of DATABASE_KINDS) {
  describe(`the STarT Back pathway in GET /api/plan on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    let off: TestApp;
    before(async () => {
      t = await testApp(kind);
      off = await testApp(kind, { features: { disabledInstruments: ['start_back'] } });
    });
    after(async () => {
      await t.close();
      await off.close();
    });

    async function clearedUser(app: TestApp): Promise<TestUser> {
      app.clock.set(`${DAY}T09:00:00Z`);
      const user = await app.newUser();
      const res = await user.call('/api/screenings', {
        json: { answers: NO_RED_FLAGS },
      });
      assert.equal(res.status, 201, await res.clone().text());
      return user;
    }

    test('a high-risk answer set adds the daily calm-down item; a breathing session ticks it', async () => {
      const user = await clearedUser(t);
      const before = await plan(user);
      assert.equal(before.status === 'ready' && before.startBackRisk, null);
      assert.equal(
        before.items.some((i) => i.kind === 'stress'),
        false,
      );

      assert.equal(await answer(user, HIGH), 'high');
      const high = await plan(user);
      assert.equal(high.status === 'ready' && high.startBackRisk, 'high');
      const item = high.items.find((i) => i.kind === 'stress');
      assert.deepEqual(item && [item.id, item.done], ['stress', false]);

      const saved = await user.call('/api/stress/sessions', {
        json: breathingSession(),
        headers: { 'idempotency-key': randomUUID() },
      });
      assert.equal(saved.status, 201, await saved.clone().text());
      assert.equal((await plan(user)).items.find((i) => i.kind === 'stress')?.done, true);

      // The next day it is to do again.
      t.clock.set('2026-04-07T09:00:00Z');
      assert.equal((await plan(user)).items.find((i) => i.kind === 'stress')?.done, false);
    });

    test('the latest answer decides: medium and low risk keep the programme as it is', async () => {
      const user = await clearedUser(t);
      assert.equal(await answer(user, HIGH), 'high');
      for (const [day, answers, risk] of [
        ['2026-04-07', MEDIUM, 'medium'],
        ['2026-04-08', LOW, 'low'],
      ] as const) {
        t.clock.set(`${day}T09:00:00Z`);
        assert.equal(await answer(user, answers), risk);
        const p = await plan(user);
        assert.equal(p.status === 'ready' && p.startBackRisk, risk);
        assert.equal(p.items.filter((i) => i.kind === 'stress').length, 0, risk);
      }
    });

    test('with STarT Back switched off on the server, an earlier high-risk answer changes nothing', async () => {
      const user = await clearedUser(off);
      // The answer was given while it was offered: write it as the service would have.
      await off.db.query(
        `INSERT INTO questionnaire_responses (user_id, instrument_id, instrument_version, answers, scores, day, created_at, updated_at, completed_at)
         VALUES ($1, 'start_back', 'x', '{}', '{"total": 9, "psychosocial": 5, "risk": "high"}', $2, now(), now(), now())`,
        [user.id, DAY],
      );
      const p = await plan(user);
      assert.equal(p.status === 'ready' && p.startBackRisk, null);
      assert.equal(
        p.items.some((i) => i.kind === 'stress'),
        false,
      );
    });
  });
}
