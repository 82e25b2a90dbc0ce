import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExerciseSessionRecord } from '../exercise/session-record.js';
import { progressionState } from '../exercise/progression.js';
import { addDays } from '../time/local-date.js';
import {
  dailyPlanSchema,
  exerciseSessionsQuery,
  planBlockSchema,
  programPrefsBody,
  progressionStateSchema,
} from './program.js';
import { dailyPlan, planBlock, type DailyPlanInput } from '../plan/daily-plan.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);
const good = (n: number, hold = 10): ExerciseSessionRecord => ({
  variant: 'chair',
  date: day(n),
  plannedSets: 3,
  plannedHoldSeconds: hold,
  achievedHoldSeconds: [hold, hold, hold],
  painBefore: 2,
  painAfter: 2,
  stoppedEarly: 'none',
});
const stop = (n: number): ExerciseSessionRecord => ({
  ...good(n),
  achievedHoldSeconds: [2],
  stoppedEarly: 'pain',
  painAfter: null,
});
const input = (o: Partial<DailyPlanInput> = {}): DailyPlanInput => ({
  today: day(4),
  startDate: START,
  latestScreening: { outcome: 'clear', date: day(1), answers: {} },
  clearScreeningDates: [day(1)],
  clearances: [],
  recentCheckins: [4, 5, 6].map((p, i) => ({ date: day(i + 1), pain: p })),
  baselineWeekAverage: 3,
  lessonsRead: [{ lessonId: 'starts-at-the-hips', date: day(1) }],
  exerciseHistory: [good(1), good(2), good(3)],
  exercisePrefs: { stayOnChair: false },
  latestCheckinDate: day(4),
  walkingBreaks: { taken: 1, goal: 6 },
  ...o,
});

test('real plans, ready and blocked, parse with the response schema unchanged', () => {
  for (const plan of [
    dailyPlan(input()),
    dailyPlan(input({ latestScreening: null })),
    dailyPlan(
      input({
        latestScreening: { outcome: 'see_clinician', date: day(2), answers: { cancer_history: true } },
      }),
    ),
    dailyPlan(
      input({ latestScreening: { outcome: 'same_day', date: day(2), answers: { fever_unwell: true } } }),
    ),
    dailyPlan(input({ exerciseHistory: [stop(2), stop(3)] })),
    dailyPlan(input({ recentCheckins: [1, 2, 3, 4].map((n) => ({ date: day(n), pain: 7 })) })),
  ]) {
    const json: unknown = JSON.parse(JSON.stringify(plan));
    assert.deepEqual(dailyPlanSchema.parse(json), json);
  }
  const block = planBlock(input({ exerciseHistory: [stop(2), stop(3)] }));
  assert.equal(planBlockSchema.parse(block).code, 'safety_pause');
});

test('a real progression state parses with the response schema unchanged', () => {
  const state = progressionState([good(1), good(2), good(3), stop(4)], { stayOnChair: false });
  const json: unknown = JSON.parse(JSON.stringify(state));
  assert.deepEqual(progressionStateSchema.parse(json), json);
});

test('prefs body: a boolean and nothing else', () => {
  assert.equal(programPrefsBody.safeParse({ stayOnChair: true }).success, true);
  assert.equal(programPrefsBody.safeParse({ stayOnChair: 'yes' }).success, false);
  assert.equal(programPrefsBody.safeParse({}).success, false);
  assert.equal(programPrefsBody.safeParse({ stayOnChair: false, extra: 1 }).success, false);
});

test('session list query: limit defaults to 100, bounded 1-500', () => {
  assert.equal(exerciseSessionsQuery.parse({}).limit, 100);
  assert.equal(exerciseSessionsQuery.parse({ limit: '20' }).limit, 20);
  for (const limit of ['0', '501', 'x', '2.5']) {
    assert.equal(exerciseSessionsQuery.safeParse({ limit }).success, false, limit);
  }
});
