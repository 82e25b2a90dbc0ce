import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  INSTRUMENTS,
  addDays,
  type InsightsResponse,
  type InstrumentId,
  type ProgressResponse,
  type WeeklyResponse,
} from '@hipwise/core';
import { checkinCall, type TestApp, type TestUser, describeOnEachStore } from '../testing/test-app.js';
import { mergeDays } from './progress-history.js';
import { evenBaseline } from '../testing/fixtures.js';

const BASELINE = evenBaseline(6);

async function complete(
  t: TestApp,
  user: TestUser,
  day: string,
  id: InstrumentId,
  answers: Record<string, number>,
) {
  t.clock.set(`${day}T10:00:00Z`);
  const res = await user.call('/api/measures/responses', {
    json: { instrumentId: id, answers, completed: true },
    headers: { 'idempotency-key': randomUUID() },
  });
  assert.ok(res.status < 300, await res.clone().text());
}

const rmdqTicked = (n: number) =>
  Object.fromEntries(INSTRUMENTS.rmdq.items.map((item, i) => [item.id, i < n ? 1 : 0]));

test('history sources merge by date without overwriting what an earlier source knew', () => {
  assert.deepEqual(
    mergeDays([
      [
        { date: '2026-03-02', pain: 4, stress: 3 },
        { date: '2026-03-01', pain: 5 },
      ],
      [{ date: '2026-03-02', sittingMinutes: 300, pain: 9 }],
    ]),
    [
      { date: '2026-03-01', pain: 5 },
      { date: '2026-03-02', pain: 4, stress: 3, sittingMinutes: 300 },
    ],
  );
});

describeOnEachStore('progress, insights and the weekly summary', (t) => {
  test('progress charts every measure and flags meaningful change since baseline', async () => {
    const user = await t.newUser();
    t.clock.set('2026-03-01T08:00:00Z');
    await user.call('/api/baseline', { method: 'PUT', json: BASELINE });
    await complete(t, user, '2026-03-01', 'rmdq', rmdqTicked(12));
    await complete(t, user, '2026-03-01', 'start_back', {
      ...Object.fromEntries(INSTRUMENTS.start_back.items.map((i) => [i.id, 1])),
      bothersomeness: 4,
    });
    await complete(t, user, '2026-03-01', 'pss4', { pss4_1: 3, pss4_2: 1, pss4_3: 1, pss4_4: 3 });
    for (const [day, pain] of [
      ['2026-03-10', 9],
      ['2026-03-11', 4],
      ['2026-03-12', 4],
      ['2026-03-13', 3],
      ['2026-03-14', 4],
      ['2026-03-15', 3],
    ] as const) {
      t.clock.set(`${day}T09:00:00Z`);
      await checkinCall(user, { pain, stress: 5 });
    }
    await complete(t, user, '2026-03-15', 'rmdq', rmdqTicked(6));
    await complete(t, user, '2026-03-15', 'peg', { pain: 4, enjoyment: 4, activity: 4 });
    await complete(t, user, '2026-03-15', 'pss4', { pss4_1: 2, pss4_2: 2, pss4_3: 2, pss4_4: 2 });
    const p = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
    assert.equal(p.startDate, '2026-03-01');
    assert.deepEqual(
      p.pain.map((x) => x.value),
      [9, 4, 4, 3, 4, 3],
    );
    assert.deepEqual(p.rmdq, [
      { date: '2026-03-01', value: 12 },
      { date: '2026-03-15', value: 6 },
    ]);
    assert.deepEqual(p.peg, [
      { date: '2026-03-01', value: 6 },
      { date: '2026-03-15', value: 4 },
    ]);
    assert.deepEqual(p.startBack, { date: '2026-03-01', total: 9, psychosocial: 5, risk: 'high' });
    const byMeasure = Object.fromEntries(p.changes.map((c) => [c.measure, c]));
    // Day 15. Pain: baseline weekly average 6 -> mean of the 6 ratings of 03-09..03-15 (the 9 of
    // 03-10 is in the window) = (9+4+4+3+4+3)/6 = 4.5: -1.5, -25%: not a meaningful change.
    assert.equal(byMeasure['pain']?.current, 4.5);
    assert.equal(byMeasure['pain']?.delta, -1.5);
    assert.equal(byMeasure['pain']?.meaningful, false);
    assert.equal(byMeasure['pain']?.tooEarly, null);
    assert.match(byMeasure['pain']?.basis ?? '', /6\u00a0daily ratings/);
    // RMDQ 12 -> 6: 6 points, past the 5-point threshold.
    assert.equal(byMeasure['rmdq']?.delta, -6);
    assert.equal(byMeasure['rmdq']?.meaningful, true);
    // PEG 6 -> 4: 2 points, meaningful; PSS-4 has no adopted threshold: shown, never flagged.
    assert.equal(byMeasure['peg']?.meaningful, true);
    assert.equal(byMeasure['pss4']?.delta, 8 - 12);
    assert.equal(byMeasure['pss4']?.meaningful, null);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('a small RMDQ change is not flagged, and too few ratings or days say why it is too early', async () => {
    const user = await t.newUser();
    t.clock.set('2026-03-01T08:00:00Z');
    await user.call('/api/baseline', { method: 'PUT', json: BASELINE });
    await complete(t, user, '2026-03-01', 'rmdq', rmdqTicked(10));
    await complete(t, user, '2026-03-15', 'rmdq', rmdqTicked(8));
    await checkinCall(user, { pain: 1, stress: 1 });
    const p = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
    const rmdq = p.changes.find((c) => c.measure === 'rmdq');
    assert.deepEqual([rmdq?.delta, rmdq?.meaningful, rmdq?.tooEarly], [-2, false, null]);
    const pain = p.changes.find((c) => c.measure === 'pain');
    assert.deepEqual([pain?.current, pain?.meaningful], [1, null], 'one rating is shown, never judged');
    assert.deepEqual(pain?.tooEarly, [{ reason: 'ratings', have: 1, need: 5 }]);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('day 13 is too early even for a big change; day 14 is not; RMDQ 30% of a low baseline counts', async () => {
    const user = await t.newUser();
    t.clock.set('2026-03-01T08:00:00Z');
    await user.call('/api/baseline', { method: 'PUT', json: BASELINE });
    await complete(t, user, '2026-03-01', 'rmdq', rmdqTicked(4));
    for (let i = 0; i < 5; i++) {
      t.clock.set(`${addDays('2026-03-09', i)}T09:00:00Z`);
      await checkinCall(user, { pain: 1, stress: 1 });
    }
    await complete(t, user, '2026-03-13', 'rmdq', rmdqTicked(2));
    const early = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
    const painEarly = early.changes.find((c) => c.measure === 'pain');
    assert.deepEqual([painEarly?.current, painEarly?.delta, painEarly?.meaningful], [1, -5, null]);
    assert.deepEqual(painEarly?.tooEarly, [{ reason: 'programme_day', have: 13, need: 14 }]);
    assert.deepEqual(early.changes.find((c) => c.measure === 'rmdq')?.tooEarly, [
      { reason: 'programme_day', have: 13, need: 14 },
    ]);

    t.clock.set('2026-03-14T09:00:00Z');
    await checkinCall(user, { pain: 1, stress: 1 });
    await complete(t, user, '2026-03-14', 'rmdq', rmdqTicked(2));
    const due = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
    const pain = due.changes.find((c) => c.measure === 'pain');
    assert.deepEqual([pain?.meaningful, pain?.tooEarly, pain?.direction], [true, null, 'better']);
    // RMDQ 4 -> 2: 2 points but 50% of the baseline, so a real improvement.
    const rmdq = due.changes.find((c) => c.measure === 'rmdq');
    assert.deepEqual([rmdq?.baseline, rmdq?.current, rmdq?.meaningful, rmdq?.tooEarly], [4, 2, true, null]);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('with a baseline and no ratings yet, pain says too early instead of nothing', async () => {
    const user = await t.newUser();
    t.clock.set('2026-03-01T08:00:00Z');
    await user.call('/api/baseline', { method: 'PUT', json: BASELINE });
    t.clock.set('2026-03-03T08:00:00Z');
    const p = (await (await user.call('/api/measures/progress')).json()) as ProgressResponse;
    assert.deepEqual(p.changes, [
      {
        measure: 'pain',
        baseline: 6,
        current: null,
        delta: null,
        relative: null,
        direction: null,
        meaningful: null,
        tooEarly: [
          { reason: 'programme_day', have: 3, need: 14 },
          { reason: 'ratings', have: 0, need: 5 },
        ],
        baselineDate: '2026-03-01',
        currentDate: null,
        basis:
          'your average pain over the last 7\u00a0days (0\u00a0daily ratings) against your average for the week before you started',
      },
    ]);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('insights make no claim under 14 days, and find a known link in a longer history', async () => {
    const user = await t.newUser();
    const start = '2026-02-01';
    for (let i = 0; i < 10; i++) {
      t.clock.set(`${addDays(start, i)}T09:00:00Z`);
      await checkinCall(user, { pain: i % 5, stress: i % 5 });
    }
    t.clock.set(`${addDays(start, 9)}T20:00:00Z`);
    const early = (await (await user.call('/api/measures/insights')).json()) as InsightsResponse;
    const stressEarly = early.relationships.find((r) => r.id === 'stress_same_day');
    assert.equal(stressEarly?.pairedDays, 10);
    assert.equal(stressEarly?.enough, false);
    assert.equal(stressEarly?.summary, 'Not enough data yet: 10 of 14\u00a0days.');
    assert.deepEqual(early.sources, ['checkins', 'sitting', 'exercise']);
    assert.equal(early.relationships.find((r) => r.id === 'sitting_previous_day')?.pairedDays, 0);
    for (let i = 10; i < 20; i++) {
      t.clock.set(`${addDays(start, i)}T09:00:00Z`);
      await checkinCall(user, { pain: i % 5, stress: i % 5 });
    }
    const later = (await (await user.call('/api/measures/insights')).json()) as InsightsResponse;
    const stress = later.relationships.find((r) => r.id === 'stress_same_day');
    assert.equal(later.daysWithData, 20);
    assert.equal(stress?.enough, true);
    assert.equal(stress?.strength, 'large');
    assert.match(stress?.summary ?? '', /higher \(a large link, over 20\u00a0days\)\. This is a pattern/);
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test("the weekly summary averages this week's check-ins and counts practice and questionnaires", async () => {
    const user = await t.newUser();
    for (const [day, pain, stress] of [
      ['2026-03-03', 6, 6],
      ['2026-03-09', 5, 4],
      ['2026-03-10', 3, 2],
    ] as const) {
      t.clock.set(`${day}T09:00:00Z`);
      await checkinCall(user, { pain, stress });
    }
    await complete(t, user, '2026-03-10', 'pss4', { pss4_1: 1, pss4_2: 3, pss4_3: 3, pss4_4: 1 });
    await user.call('/api/stress/sessions', {
      json: {
        plannedMinutes: 3,
        durationSeconds: 180,
        inhaleSeconds: 5,
        exhaleSeconds: 5,
        stressBefore: 6,
        stressAfter: 3,
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    await user.call('/api/stress/reflection', { method: 'PUT', json: { ruleId: 'your-life' } });
    const w = (await (await user.call('/api/measures/weekly')).json()) as WeeklyResponse;
    assert.equal(w.weekStart, '2026-03-09');
    assert.equal(w.weekEnd, '2026-03-15');
    assert.equal(w.averages.pain, 4);
    assert.equal(w.averages.days.pain, 2);
    assert.equal(w.previousAverages.pain, 6);
    assert.equal(w.change.pain, -2);
    assert.equal(w.adherence.checkInDays, 2);
    assert.deepEqual(w.questionnaires, [{ instrumentId: 'pss4', date: '2026-03-10', total: 4 }]);
    assert.deepEqual(w.stressPractice, { sessions: 1, minutes: 3, averageDrop: 3 });
    assert.equal(w.reflection?.ruleId, 'your-life');
    const last = (await (await user.call('/api/measures/weekly?date=2026-03-04')).json()) as WeeklyResponse;
    assert.equal(last.weekStart, '2026-03-02');
    assert.equal(last.reflection, null);
    assert.equal((await user.call('/api/measures/weekly?date=2026-13-01')).status, 422);
  });
});
