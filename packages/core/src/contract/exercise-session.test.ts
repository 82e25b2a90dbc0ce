import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exerciseSessionBody, exerciseSessionSchema, type ExerciseSessionBody } from './exercise-session.js';
import { classifySession, type ExerciseSessionRecord } from '../exercise/session-record.js';

const valid: ExerciseSessionBody = {
  variant: 'chair',
  plannedSets: 3,
  plannedHoldSeconds: 10,
  achievedHoldSeconds: [10, 11, 10],
  painBefore: 4,
  painAfter: 3,
  stoppedEarly: 'none',
};

test('a completed session parses, with or without form scores', () => {
  assert.deepEqual(exerciseSessionBody.parse(valid), valid);
  const scored = { ...valid, formScores: [0.8, null, 1], goodFormSeconds: [8, null, 10] };
  assert.deepEqual(exerciseSessionBody.parse(scored), scored);
});

test('a session stopped for pain before the first hold parses', () => {
  const body = { ...valid, achievedHoldSeconds: [], stoppedEarly: 'pain' as const, painAfter: 7 };
  assert.equal(exerciseSessionBody.safeParse(body).success, true);
});

test('a session stopped for pain may leave pain before and after unknown', () => {
  const body = {
    ...valid,
    achievedHoldSeconds: [4],
    stoppedEarly: 'pain' as const,
    painBefore: null,
    painAfter: null,
  };
  assert.deepEqual(exerciseSessionBody.parse(body), body);
});

const invalid: Array<[string, Record<string, unknown>, string]> = [
  ['unknown variant', { variant: 'standing' }, 'variant'],
  ['zero sets', { plannedSets: 0, achievedHoldSeconds: [] }, 'plannedSets'],
  ['too many sets', { plannedSets: 11 }, 'plannedSets'],
  ['zero hold', { plannedHoldSeconds: 0 }, 'plannedHoldSeconds'],
  ['fractional seconds', { achievedHoldSeconds: [10, 10.5, 10] }, 'achievedHoldSeconds.1'],
  ['negative seconds', { achievedHoldSeconds: [10, -1, 10] }, 'achievedHoldSeconds.1'],
  ['more than 600 s', { achievedHoldSeconds: [10, 601, 10] }, 'achievedHoldSeconds.1'],
  ['pain above 10', { painBefore: 11 }, 'painBefore'],
  ['fractional pain', { painAfter: 2.5 }, 'painAfter'],
  ['unknown stop reason', { stoppedEarly: 'bored' }, 'stoppedEarly'],
  ['more sets than planned', { achievedHoldSeconds: [10, 10, 10, 10] }, 'achievedHoldSeconds'],
  ['missing sets but not stopped early', { achievedHoldSeconds: [10, 10] }, 'achievedHoldSeconds'],
  ['form score above 1', { formScores: [0.5, 1.2, 0.5] }, 'formScores.1'],
  ['form scores not one per set', { formScores: [0.5] }, 'formScores'],
  ['good-form times not one per set', { goodFormSeconds: [5, 5] }, 'goodFormSeconds'],
  ['good-form time below 0', { goodFormSeconds: [5, -1, 5] }, 'goodFormSeconds.1'],
  ['pain after unknown on a completed session', { painAfter: null }, 'painAfter'],
  [
    'pain before unknown when stopped for another reason',
    { painBefore: null, stoppedEarly: 'other', achievedHoldSeconds: [10] },
    'painBefore',
  ],
  ['an unexpected field', { date: '2026-03-01' }, ''],
];

for (const [name, patch, path] of invalid) {
  test(`exerciseSessionBody rejects ${name}`, () => {
    const r = exerciseSessionBody.safeParse({ ...valid, ...patch });
    assert.equal(r.success, false);
    assert.ok(
      r.error?.issues.some((i) => i.path.join('.') === path),
      `expected an issue at "${path}", got ${JSON.stringify(r.error?.issues.map((i) => i.path.join('.')))}`,
    );
  });
}

test('a stored session parses and feeds the progression rules as it is', () => {
  const stored = exerciseSessionSchema.parse({
    ...valid,
    id: 's1',
    date: '2026-03-01',
    formScores: [null, null, null],
    goodFormSeconds: [null, null, null],
    createdAt: '2026-03-01T09:00:00.000Z',
  });
  // Compile-time check that the API record is usable where core expects a session record.
  const record: ExerciseSessionRecord = stored;
  assert.equal(classifySession(record), 'good');
  assert.equal(exerciseSessionSchema.safeParse({ ...stored, stoppedEarly: 'maybe' }).success, false);
});
