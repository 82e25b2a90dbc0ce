import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changeClaim,
  changeSinceBaseline,
  EARLIEST_CLAIM_DAY,
  MIN_PAIN_RATINGS,
  PAIN_WINDOW_DAYS,
  recentPain,
} from './change.js';

// Farrar 2001: about 2 points or about 30% reduction is a clinically important difference.
test('pain: a 2-point drop is meaningful, a 1-point drop from a high baseline is not', () => {
  const two = changeSinceBaseline('pain', 7, 5);
  assert.equal(two.direction, 'better');
  assert.equal(two.meaningful, true);
  assert.equal(changeSinceBaseline('pain', 7, 6).meaningful, false);
});

test('pain: 30% reduction counts even when under 2 points', () => {
  const c = changeSinceBaseline('pain', 5, 3.5); // -1.5 points, -30%
  assert.equal(c.meaningful, true);
  assert.ok(Math.abs((c.relative ?? 0) + 0.3) < 1e-12);
  assert.equal(changeSinceBaseline('pain', 5, 3.6).meaningful, false); // -28%
  assert.equal(changeSinceBaseline('pain', 3, 2).meaningful, true); // -33%
});

test('pain: worsening needs 2 points; percentages of a low baseline are not used', () => {
  assert.equal(changeSinceBaseline('pain', 1, 2).meaningful, false);
  const worse = changeSinceBaseline('pain', 3, 5);
  assert.equal(worse.direction, 'worse');
  assert.equal(worse.meaningful, true);
  assert.equal(changeSinceBaseline('pain', 0, 1).relative, null);
  assert.equal(changeSinceBaseline('pain', 6, 4.2).meaningful, true); // 30% of 6 = 1.8
  assert.equal(changeSinceBaseline('pain', 6, 4.3).meaningful, false);
});

test('RMDQ: 5 points either way', () => {
  assert.equal(changeSinceBaseline('rmdq', 20, 15).meaningful, true); // -5, -25%
  assert.equal(changeSinceBaseline('rmdq', 20, 16).meaningful, false); // -4, -20%
  assert.equal(changeSinceBaseline('rmdq', 4, 9).meaningful, true);
  assert.equal(changeSinceBaseline('rmdq', 4, 9).direction, 'worse');
  assert.equal(changeSinceBaseline('rmdq', 4, 8).meaningful, false, 'worsening needs 5 points');
});

test('RMDQ: or 30% of the baseline, so a baseline under 5 can improve', () => {
  assert.equal(changeSinceBaseline('rmdq', 12, 8).meaningful, true); // -4 = -33%
  assert.equal(changeSinceBaseline('rmdq', 10, 7).meaningful, true); // -3 = exactly -30%
  assert.equal(changeSinceBaseline('rmdq', 10, 8).meaningful, false); // -2 = -20%
  assert.equal(changeSinceBaseline('rmdq', 4, 2).meaningful, true); // -2 = -50%, under 5 points
  assert.equal(changeSinceBaseline('rmdq', 3, 2).meaningful, true); // -1 = -33%
  assert.equal(changeSinceBaseline('rmdq', 0, 0).meaningful, false);
});

test('PEG: 2 points or 30% improvement, like the pain scale it is built from', () => {
  assert.equal(changeSinceBaseline('peg', 6, 4).meaningful, true); // -2
  assert.equal(changeSinceBaseline('peg', 8, 6.3).meaningful, false); // -1.7, -21%
  assert.equal(changeSinceBaseline('peg', 5, 3.5).meaningful, true); // -1.5 = -30%
  assert.equal(changeSinceBaseline('peg', 5, 3.7).meaningful, false); // -26%
  assert.equal(changeSinceBaseline('peg', 3, 5).meaningful, true); // +2
  assert.equal(changeSinceBaseline('peg', 2, 3.3).meaningful, false, 'worsening needs 2 points');
});

test('PSS-4 shows change without a verdict', () => {
  const c = changeSinceBaseline('pss4', 12, 6);
  assert.equal(c.delta, -6);
  assert.equal(c.meaningful, null);
  assert.equal(c.tooEarly, null);
  assert.equal(changeSinceBaseline('pss4', 8, 8).direction, 'unchanged');
});

test('the published rules: day 14, 5 ratings, a 7-day window', () => {
  assert.equal(EARLIEST_CLAIM_DAY, 14);
  assert.equal(MIN_PAIN_RATINGS, 5);
  assert.equal(PAIN_WINDOW_DAYS, 7);
});

test('nothing is called meaningful before day 14: day 13 is too early, day 14 is not', () => {
  for (const measure of ['pain', 'peg', 'rmdq'] as const) {
    const big = measure === 'rmdq' ? { baseline: 15, current: 5 } : { baseline: 8, current: 2 };
    const early = changeClaim({ measure, ...big, programDay: 13, ratings: 7 });
    assert.equal(early.meaningful, null, measure);
    assert.deepEqual(early.tooEarly, [{ reason: 'programme_day', have: 13, need: 14 }], measure);
    assert.equal(early.delta, big.current - big.baseline, 'the numbers are still shown');
    const due = changeClaim({ measure, ...big, programDay: 14, ratings: 7 });
    assert.equal(due.meaningful, true, measure);
    assert.equal(due.tooEarly, null, measure);
  }
  // Worsening is held back too.
  assert.equal(
    changeClaim({ measure: 'pain', baseline: 2, current: 6, programDay: 3, ratings: 7 }).meaningful,
    null,
  );
});

test('pain needs 5 ratings in the window: 4 is too early, 5 is enough', () => {
  const four = changeClaim({ measure: 'pain', baseline: 7, current: 3, programDay: 20, ratings: 4 });
  assert.equal(four.meaningful, null);
  assert.deepEqual(four.tooEarly, [{ reason: 'ratings', have: 4, need: 5 }]);
  const five = changeClaim({ measure: 'pain', baseline: 7, current: 3, programDay: 20, ratings: 5 });
  assert.equal(five.meaningful, true);
  assert.equal(five.tooEarly, null);
  assert.deepEqual(changeClaim({ measure: 'pain', baseline: 7, current: 3, programDay: 20 }).tooEarly, [
    { reason: 'ratings', have: 0, need: 5 },
  ]);
});

test('both reasons are given when both apply; questionnaires need no ratings', () => {
  const c = changeClaim({ measure: 'pain', baseline: 6, current: 5, programDay: 4, ratings: 3 });
  assert.deepEqual(c.tooEarly, [
    { reason: 'programme_day', have: 4, need: 14 },
    { reason: 'ratings', have: 3, need: 5 },
  ]);
  assert.equal(changeClaim({ measure: 'rmdq', baseline: 10, current: 9, programDay: 15 }).tooEarly, null);
  assert.equal(changeClaim({ measure: 'rmdq', baseline: 10, current: 9, programDay: 15 }).meaningful, false);
  // No threshold stays no threshold once it is late enough.
  assert.equal(changeClaim({ measure: 'pss4', baseline: 10, current: 4, programDay: 30 }).meaningful, null);
  assert.equal(changeClaim({ measure: 'pss4', baseline: 10, current: 4, programDay: 30 }).tooEarly, null);
  // Nor is there anything to wait for on a scale with no threshold.
  assert.equal(changeClaim({ measure: 'pss4', baseline: 10, current: 4, programDay: 3 }).tooEarly, null);
});

test('recentPain averages the 7 days ending today, and counts them', () => {
  const r = (date: string, pain: number) => ({ date, pain });
  const ratings = [
    r('2026-03-03', 9),
    r('2026-03-04', 4),
    r('2026-03-08', 2),
    r('2026-03-10', 3),
    r('2026-03-11', 8),
  ];
  // 2026-03-10 back to 03-04 inclusive: 4, 2, 3 (03-03 is day 8 back; 03-11 is after today).
  assert.deepEqual(recentPain(ratings, '2026-03-10'), { mean: 3, count: 3 });
  assert.deepEqual(recentPain([], '2026-03-10'), { mean: null, count: 0 });
});
