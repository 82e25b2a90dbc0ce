import { test } from 'node:test';
import assert from 'node:assert/strict';
import { painfulSessionCounts } from './painful-sessions.js';
import type { ExerciseSessionRecord, StoppedEarly } from './session-record.js';

const s = (
  date: string,
  stoppedEarly: StoppedEarly,
  painBefore: number | null,
  painAfter: number | null,
): ExerciseSessionRecord => ({
  variant: 'chair',
  date,
  plannedSets: 3,
  plannedHoldSeconds: 10,
  achievedHoldSeconds: stoppedEarly === 'none' ? [10, 10, 10] : [4],
  painBefore,
  painAfter,
  stoppedEarly,
});

test('painful sessions in a week: stops for pain and rises of 2+ points, each counted once', () => {
  const week = [
    s('2026-03-09', 'pain', 3, null),
    s('2026-03-10', 'none', 2, 4), // up 2: painful
    s('2026-03-11', 'none', 2, 3), // up 1: not painful
    s('2026-03-12', 'pain', 2, 6), // a stop with a rise counts as one stop
    s('2026-03-13', 'other', 1, 5), // stopped for another reason, pain up 4: painful
    s('2026-03-16', 'pain', 3, null), // next week
  ];
  assert.deepEqual(painfulSessionCounts(week, '2026-03-09', '2026-03-15'), {
    painful: 4,
    stoppedForPain: 2,
    painRose: 2,
  });
  assert.deepEqual(painfulSessionCounts([], '2026-03-09', '2026-03-15'), {
    painful: 0,
    stoppedForPain: 0,
    painRose: 0,
  });
});
