import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import { painRising } from './pain-rising.js';

const TODAY = '2026-05-20';
/** Check-ins on the last n days up to today, with these pains (oldest first). */
const last = (pains: number[]) =>
  pains.map((pain, i) => ({ date: addDays(TODAY, i - pains.length + 1), pain }));

const cases: Array<[string, number[], number | null, boolean]> = [
  ['2 points above the baseline week, 5 check-ins: rising', [5, 5, 5, 5, 5], 3, true],
  ['just under 2 points and under 30%: not rising', [5, 5, 5, 5, 4], 4, false],
  ['30% above the baseline week (5 -> 6.5): rising', [13, 13, 13, 13, 13].map((p) => p / 2), 5, true],
  ['24% above and 1.2 points: not rising', [6, 6, 6, 6, 7], 5, false],
  ['30% exactly (3 -> 3.9), under 2 points: rising', [4, 4, 4, 4, 3.5], 3, true],
  ['only 4 check-ins in the window: too few to say', [9, 9, 9, 9], 3, false],
  ['the same pain as the baseline week: not rising', [3, 3, 3, 3, 3, 3, 3], 3, false],
  ['pain falling: not rising', [1, 1, 1, 1, 1], 5, false],
  ['baseline 0: 30% of nothing is no rise, 1 point is not enough', [1, 1, 1, 1, 1], 0, false],
  ['baseline 0: 2 points still count', [2, 2, 2, 2, 2], 0, true],
  ['no baseline yet: nothing to compare with', [9, 9, 9, 9, 9], null, false],
];

for (const [name, pains, baseline, rising] of cases) {
  test(`painRising: ${name}`, () => {
    assert.equal(painRising(last(pains), baseline, TODAY) !== null, rising);
  });
}

test('painRising: check-ins older than 7 days or after today do not count', () => {
  const old = [8, 9].map((d) => ({ date: addDays(TODAY, -d), pain: 9 }));
  const future = [{ date: addDays(TODAY, 1), pain: 9 }];
  assert.equal(painRising([...last([6, 6, 6, 6]), ...old, ...future], 3, TODAY), null);
  // The 7th day back is inside the window.
  assert.notEqual(painRising([...last([6, 6, 6, 6]), { date: addDays(TODAY, -6), pain: 6 }], 3, TODAY), null);
});

test('painRising: says the window, the count and the mean', () => {
  assert.deepEqual(painRising(last([5, 6, 6, 6, 6, 6]), 3, TODAY), {
    windowStart: addDays(TODAY, -6),
    checkins: 6,
    mean: 5.8,
    baselineWeekAverage: 3,
  });
});
