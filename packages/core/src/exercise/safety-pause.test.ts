import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, type LocalDate } from '../time/local-date.js';
import { safetyPause, SAFETY_PAUSE_ADVICE } from './safety-pause.js';
import type { ExerciseSessionRecord, StoppedEarly } from './session-record.js';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n - 1);

function session(date: LocalDate, stoppedEarly: StoppedEarly, painAfter = 3): ExerciseSessionRecord {
  return {
    variant: 'chair',
    date,
    plannedSets: 3,
    plannedHoldSeconds: 10,
    achievedHoldSeconds: stoppedEarly === 'none' ? [10, 10, 10] : [4],
    painBefore: 3,
    painAfter,
    stoppedEarly,
  };
}
const stop = (n: number) => session(day(n), 'pain');

interface Case {
  name: string;
  history: ExerciseSessionRecord[];
  today: number;
  /** Day numbers of clear screenings and clinician clearances, if any. */
  lifts?: number[];
  /** Expected trigger pair and last stop as day numbers, or null for "not paused". */
  expect: { trigger: [number, number]; last: number } | null;
}

const cases: Case[] = [
  { name: 'no sessions', history: [], today: 1, expect: null },
  { name: 'one stop', history: [stop(1)], today: 1, expect: null },
  {
    name: 'two stops six days apart',
    history: [stop(1), stop(7)],
    today: 7,
    expect: { trigger: [1, 7], last: 7 },
  },
  {
    name: 'two stops seven days apart are not within 7 days',
    history: [stop(1), stop(8)],
    today: 8,
    expect: null,
  },
  {
    name: 'two stops on the same day',
    history: [stop(3), stop(3)],
    today: 3,
    expect: { trigger: [3, 3], last: 3 },
  },
  {
    name: 'the pause does not wear off with time',
    history: [stop(1), stop(2)],
    today: 90,
    expect: { trigger: [1, 2], last: 2 },
  },
  {
    name: 'stops given out of order',
    history: [stop(5), session(day(2), 'none'), stop(3)],
    today: 5,
    expect: { trigger: [3, 5], last: 5 },
  },
  { name: 'a stop dated after today is ignored', history: [stop(1), stop(3)], today: 2, expect: null },
  {
    name: 'pain after 2 points above pain before, twice, pauses without any stop',
    history: [session(day(1), 'none', 5), session(day(2), 'none', 5)],
    today: 2,
    expect: { trigger: [1, 2], last: 2 },
  },
  {
    name: 'pain after only 1 point above pain before does not count',
    history: [session(day(1), 'none', 4), session(day(2), 'none', 4)],
    today: 2,
    expect: null,
  },
  {
    name: 'a stop and a rise within 7 days pause',
    history: [stop(1), session(day(4), 'none', 6)],
    today: 4,
    expect: { trigger: [1, 4], last: 4 },
  },
  {
    name: 'two rises on one day pause',
    history: [session(day(1), 'none', 6), session(day(1), 'none', 6)],
    today: 1,
    expect: { trigger: [1, 1], last: 1 },
  },
  {
    name: 'stops for other reasons do not count',
    history: [session(day(1), 'other'), session(day(2), 'other')],
    today: 2,
    expect: null,
  },
  {
    name: 'only a close pair triggers among spread-out stops',
    history: [stop(1), stop(10), stop(20), stop(24)],
    today: 24,
    expect: { trigger: [20, 24], last: 24 },
  },
  {
    name: 'later stops while paused are reported as the last stop',
    history: [stop(1), stop(3), stop(5)],
    today: 5,
    expect: { trigger: [1, 3], last: 5 },
  },
  {
    name: 'a clear screening after the last stop lifts the pause',
    history: [stop(1), stop(3)],
    today: 5,
    lifts: [4],
    expect: null,
  },
  {
    name: 'a clear screening on the day of the last stop does not lift it',
    history: [stop(1), stop(3)],
    today: 3,
    lifts: [3],
    expect: { trigger: [1, 3], last: 3 },
  },
  {
    name: 'a clear screening before the last of three stops does not lift it',
    history: [stop(1), stop(3), stop(5)],
    today: 6,
    lifts: [5],
    expect: { trigger: [1, 3], last: 5 },
  },
  {
    name: 'a clear screening when no pause was on does not break up a pair',
    history: [stop(1), stop(3)],
    today: 3,
    lifts: [2],
    expect: { trigger: [1, 3], last: 3 },
  },
  {
    name: 'after a lift, one new stop does not pause again',
    history: [stop(1), stop(2), stop(5)],
    today: 5,
    lifts: [3],
    expect: null,
  },
  {
    name: 'after a lift, two new stops pause again',
    history: [stop(1), stop(2), stop(5), stop(6)],
    today: 6,
    lifts: [3],
    expect: { trigger: [5, 6], last: 6 },
  },
  {
    name: 'a clear screening before any stop changes nothing',
    history: [stop(5), stop(6)],
    today: 6,
    lifts: [1],
    expect: { trigger: [5, 6], last: 6 },
  },
];

for (const c of cases) {
  test(`safetyPause: ${c.name}`, () => {
    const got = safetyPause(c.history, day(c.today), (c.lifts ?? []).map(day));
    const summary = got.paused ? { triggeredBy: got.triggeredBy, lastStop: got.lastStop } : null;
    const want =
      c.expect === null
        ? null
        : { triggeredBy: [day(c.expect.trigger[0]), day(c.expect.trigger[1])], lastStop: day(c.expect.last) };
    assert.deepEqual(summary, want);
  });
}

test('the 7-day window counts calendar days across month ends', () => {
  const h = (a: LocalDate, b: LocalDate) => [session(a, 'pain'), session(b, 'pain')];
  assert.equal(safetyPause(h('2026-01-29', '2026-02-04'), '2026-02-04', []).paused, true);
  assert.equal(safetyPause(h('2026-01-29', '2026-02-05'), '2026-02-05', []).paused, false);
  assert.equal(safetyPause(h('2024-02-25', '2024-03-02'), '2024-03-02', []).paused, true); // leap year: 6 days
});

test('the pause says which sessions started it and why each counted', () => {
  const got = safetyPause([stop(1), session(day(3), 'none', 6)], day(3), []);
  assert.ok(got.paused);
  assert.deepEqual(got.triggers, [
    { date: day(1), reason: 'stopped_for_pain', painBefore: 3, painAfter: 3 },
    { date: day(3), reason: 'pain_rose', painBefore: 3, painAfter: 6 },
  ]);
});

test('a lift dated after today is ignored', () => {
  assert.equal(safetyPause([stop(1), stop(2)], day(3), [day(4)]).paused, true);
});

test('several lifts: only one after the last painful session ends the pause', () => {
  assert.equal(safetyPause([stop(1), stop(2)], day(5), [day(1), day(2)]).paused, true);
  assert.equal(safetyPause([stop(1), stop(2)], day(5), [day(1), day(3)]).paused, false);
});

test('the pause advice sends the user to a doctor or physiotherapist and says how to resume', () => {
  assert.match(SAFETY_PAUSE_ADVICE.text, /doctor or physiotherapist/);
  assert.match(SAFETY_PAUSE_ADVICE.howToResume, /cleared you to exercise/);
  assert.match(SAFETY_PAUSE_ADVICE.howToResume, /safety questions again/);
});
