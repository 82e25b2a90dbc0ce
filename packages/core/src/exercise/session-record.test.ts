import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  byDateOldestFirst,
  classifySession,
  completedAllHolds,
  painRose,
  type ExerciseSessionRecord,
  type SessionOutcome,
} from './session-record.js';

function rec(overrides: Partial<ExerciseSessionRecord> = {}): ExerciseSessionRecord {
  return {
    variant: 'chair',
    date: '2026-03-01',
    plannedSets: 3,
    plannedHoldSeconds: 10,
    achievedHoldSeconds: [10, 10, 10],
    painBefore: 4,
    painAfter: 4,
    stoppedEarly: 'none',
    ...overrides,
  };
}

const cases: Array<[string, Partial<ExerciseSessionRecord>, SessionOutcome]> = [
  ['all holds, pain unchanged', {}, 'good'],
  ['holds longer than planned', { achievedHoldSeconds: [12, 15, 11] }, 'good'],
  ['pain fell', { painBefore: 6, painAfter: 2 }, 'good'],
  ['pain up by 1 is still good', { painBefore: 4, painAfter: 5 }, 'good'],
  ['pain up by exactly 2 is painful', { painBefore: 4, painAfter: 6 }, 'painful'],
  ['pain up by 5 is painful', { painBefore: 0, painAfter: 5 }, 'painful'],
  ['stopped for pain with no pain rise', { stoppedEarly: 'pain', achievedHoldSeconds: [10] }, 'painful'],
  ['stopped for pain although holds were complete', { stoppedEarly: 'pain' }, 'painful'],
  ['complete but pain rose by 2', { achievedHoldSeconds: [30, 30, 30], painAfter: 6 }, 'painful'],
  ['one hold a second short', { achievedHoldSeconds: [10, 9, 10] }, 'neutral'],
  ['a set missing', { achievedHoldSeconds: [10, 10] }, 'neutral'],
  ['stopped for another reason', { stoppedEarly: 'other', achievedHoldSeconds: [10] }, 'neutral'],
  ['stopped for another reason after every hold', { stoppedEarly: 'other' }, 'neutral'],
  [
    'stopped for pain with pain not asked',
    { stoppedEarly: 'pain', achievedHoldSeconds: [4], painBefore: null, painAfter: null },
    'painful',
  ],
];

for (const [name, overrides, expected] of cases) {
  test(`classifySession: ${name} -> ${expected}`, () => {
    assert.equal(classifySession(rec(overrides)), expected);
  });
}

test('completedAllHolds checks only the planned sets, each for the planned seconds', () => {
  assert.equal(completedAllHolds(rec({ achievedHoldSeconds: [10, 10, 10, 0] })), true);
  assert.equal(completedAllHolds(rec({ plannedHoldSeconds: 15, achievedHoldSeconds: [15, 15, 14] })), false);
  assert.equal(completedAllHolds(rec({ achievedHoldSeconds: [] })), false);
});

test('painRose is a rise of 2 or more, never a fall', () => {
  assert.equal(painRose(rec({ painBefore: 3, painAfter: 5 })), true);
  assert.equal(painRose(rec({ painBefore: 3, painAfter: 4 })), false);
  assert.equal(painRose(rec({ painBefore: 8, painAfter: 2 })), false);
});

test('painRose is false when either rating is unknown', () => {
  assert.equal(painRose(rec({ painBefore: 3, painAfter: null, stoppedEarly: 'pain' })), false);
  assert.equal(painRose(rec({ painBefore: null, painAfter: 9, stoppedEarly: 'pain' })), false);
});

test('byDateOldestFirst sorts by date and keeps the given order within a date', () => {
  const input = [
    { date: '2026-03-02', n: 1 },
    { date: '2026-02-28', n: 2 },
    { date: '2026-03-02', n: 3 },
    { date: '2026-03-01', n: 4 },
  ];
  assert.deepEqual(
    byDateOldestFirst(input).map((x) => x.n),
    [2, 4, 1, 3],
  );
  assert.equal(input[0]?.n, 1, 'input left as it was');
});
