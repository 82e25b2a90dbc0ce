import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChangeDto } from '@hipwise/core';
import { changeSentence, tooEarlyWhy } from './wording';

const BASE: ChangeDto = {
  measure: 'pain',
  baseline: 6,
  current: 3.5,
  delta: -2.5,
  relative: -0.42,
  direction: 'better',
  meaningful: true,
  tooEarly: null,
  baselineDate: '2026-03-01',
  currentDate: '2026-03-20',
  basis:
    'your average pain over the last 7 days (6 daily ratings) against your average for the week before you started',
};

test('too early to tell says why: the programme day and the ratings, against what is needed', () => {
  assert.equal(
    tooEarlyWhy([
      { reason: 'programme_day', have: 9, need: 14 },
      { reason: 'ratings', have: 1, need: 5 },
    ]),
    'it is day 9 of your programme, and a fair comparison needs 14\u00a0days; and there is 1 of the 5\u00a0daily ratings it needs in the last 7\u00a0days',
  );
  const s = changeSentence({
    ...BASE,
    meaningful: null,
    tooEarly: [{ reason: 'ratings', have: 3, need: 5 }],
  });
  assert.match(s, /^down 2\.5\u00a0points, from 6 to 3\.5 \(42%\)\./);
  assert.match(s, /Too early to tell whether this is a real change: there are 3 of the 5\u00a0daily ratings/);
  assert.doesNotMatch(s, /real improvement/);
});

test('with no recent rating the sentence names the starting value and makes no claim', () => {
  const s = changeSentence({
    ...BASE,
    current: null,
    delta: null,
    relative: null,
    direction: null,
    meaningful: null,
    currentDate: null,
    tooEarly: [{ reason: 'ratings', have: 0, need: 5 }],
  });
  assert.match(s, /^Your starting value is 6; there is nothing recent to compare it with yet\./);
  assert.match(s, /there are 0 of the 5\u00a0daily ratings/);
});

test('once due, a meaningful improvement is called one', () => {
  assert.match(changeSentence(BASE), /one most people notice as a real improvement\.$/);
});

test('a change of one point (after rounding) is singular, and keeps its unit', () => {
  const s = changeSentence({ ...BASE, current: 5.04, delta: -0.96, relative: -0.16, meaningful: false });
  assert.match(s, /^down 1\u00a0point, from 6 to 5 /);
});
