import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import { painRiseText, rescreenReasons, RESCREEN_WORDING } from './rescreen.js';

const TODAY = '2026-05-20';
const rise = { windowStart: addDays(TODAY, -6), checkins: 5, mean: 6, baselineWeekAverage: 3 };
const screened = (daysAgo: number, currentQuestions = true) => ({
  date: addDays(TODAY, -daysAgo),
  currentQuestions,
});

test('rescreen: nothing to offer before the first screening (the block asks for it)', () => {
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: null, painRise: rise }), []);
});

test('rescreen: every 12 weeks, from the 84th day on', () => {
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: screened(83), painRise: null }), []);
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: screened(84), painRise: null }), ['due']);
});

test('rescreen: when daily pain rises, until a screening inside the window answers it', () => {
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: screened(7), painRise: rise }), [
    'pain_rising',
  ]);
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: screened(6), painRise: rise }), []);
});

test('rescreen: when the last screening was answered with an older question list', () => {
  assert.deepEqual(rescreenReasons({ today: TODAY, latestScreening: screened(1, false), painRise: null }), [
    'questions_changed',
  ]);
});

test('rescreen: the words say why and, for rising pain, advise a doctor or physiotherapist', () => {
  assert.match(RESCREEN_WORDING.pain_rising, /doctor or physiotherapist/);
  assert.match(RESCREEN_WORDING.due, /12\u00a0weeks/);
  assert.equal(
    painRiseText(rise),
    'Over the last 7\u00a0days your pain averaged 6 (5\u00a0check-ins), up from 3 on average in the week before you started.',
  );
});
