import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, type LocalDate } from '../time/local-date.js';
import { safetyPause, SAFETY_PAUSE_ADVICE, type SafetyPause } from './safety-pause.js';
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
  /** Day number of the latest clear screening, if any. */
  screening?: number;
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
    name: 'pain rising without a stop does not count',
    history: [session(day(1), 'none', 9), session(day(2), 'none', 9)],
    today: 2,
    expect: null,
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
    screening: 4,
    expect: null,
  },
  {
    name: 'a clear screening on the day of the last stop does not lift it',
    history: [stop(1), stop(3)],
    today: 3,
    screening: 3,
    expect: { trigger: [1, 3], last: 3 },
  },
  {
    name: 'a clear screening before the last of three stops does not lift it',
    history: [stop(1), stop(3), stop(5)],
    today: 6,
    screening: 5,
    expect: { trigger: [1, 3], last: 5 },
  },
  {
    name: 'a clear screening when no pause was on does not break up a pair',
    history: [stop(1), stop(3)],
    today: 3,
    screening: 2,
    expect: { trigger: [1, 3], last: 3 },
  },
  {
    name: 'after a lift, one new stop does not pause again',
    history: [stop(1), stop(2), stop(5)],
    today: 5,
    screening: 3,
    expect: null,
  },
  {
    name: 'after a lift, two new stops pause again',
    history: [stop(1), stop(2), stop(5), stop(6)],
    today: 6,
    screening: 3,
    expect: { trigger: [5, 6], last: 6 },
  },
  {
    name: 'a clear screening before any stop changes nothing',
    history: [stop(5), stop(6)],
    today: 6,
    screening: 1,
    expect: { trigger: [5, 6], last: 6 },
  },
];

for (const c of cases) {
  test(`safetyPause: ${c.name}`, () => {
    const got = safetyPause(c.history, day(c.today), c.screening === undefined ? null : day(c.screening));
    const want: SafetyPause =
      c.expect === null
        ? { paused: false }
        : {
            paused: true,
            triggeredBy: [day(c.expect.trigger[0]), day(c.expect.trigger[1])],
            lastStop: day(c.expect.last),
          };
    assert.deepEqual(got, want);
  });
}

test('the 7-day window counts calendar days across month ends', () => {
  const h = (a: LocalDate, b: LocalDate) => [session(a, 'pain'), session(b, 'pain')];
  assert.equal(safetyPause(h('2026-01-29', '2026-02-04'), '2026-02-04', null).paused, true);
  assert.equal(safetyPause(h('2026-01-29', '2026-02-05'), '2026-02-05', null).paused, false);
  assert.equal(safetyPause(h('2024-02-25', '2024-03-02'), '2024-03-02', null).paused, true); // leap year: 6 days
});

test('the pause advice sends the user to a clinician and says how to resume', () => {
  assert.match(SAFETY_PAUSE_ADVICE.text, /doctor or physiotherapist/);
  assert.match(SAFETY_PAUSE_ADVICE.howToResume, /safety questions again/);
});
