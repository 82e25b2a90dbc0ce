import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../time/local-date.js';
import type { DayRecord } from './day-record.js';
import { mondayOf, weeklySummary } from './weekly-summary.js';

test('mondayOf finds the Monday of an ISO week, across months and years', () => {
  assert.equal(mondayOf('2026-03-04'), '2026-03-02'); // Wednesday
  assert.equal(mondayOf('2026-03-02'), '2026-03-02'); // Monday itself
  assert.equal(mondayOf('2026-03-08'), '2026-03-02'); // Sunday belongs to the week before
  assert.equal(mondayOf('2027-01-01'), '2026-12-28');
});

const MON = '2026-03-09';
const PREV = '2026-03-02';

function week(monday: string, f: (i: number) => Omit<DayRecord, 'date'>): DayRecord[] {
  return Array.from({ length: 7 }, (_, i) => ({ date: addDays(monday, i), ...f(i) }));
}

test('weekly summary: averages, change vs last week, adherence, questionnaires', () => {
  const days = [
    ...week(PREV, () => ({ pain: 6, stress: 5, sittingMinutes: 480, breaksTaken: 2, exerciseSessions: 0 })),
    // This week: check-ins on 5 days only (Sat/Sun skipped), pain 4,4,3,3,2 -> 3.2
    ...week(MON, (i) =>
      i < 5
        ? {
            pain: [4, 4, 3, 3, 2][i] ?? null,
            stress: 4,
            sittingMinutes: 420,
            breaksTaken: 5,
            exerciseSessions: i % 2 === 0 ? 1 : 0,
          }
        : { sittingMinutes: 60, exerciseSessions: 2 },
    ),
    { date: '2026-03-16', pain: 10, stress: 10, breaksTaken: 100 }, // next Monday: not this week
  ];
  const s = weeklySummary({
    date: '2026-03-12',
    days,
    questionnaires: [
      { instrumentId: 'pain_nrs', date: '2026-03-10', total: 4 },
      { instrumentId: 'peg', date: MON, total: 4.3 },
      { instrumentId: 'rmdq', date: '2026-03-08', total: 9 }, // Sunday before
    ],
  });
  assert.equal(s.weekStart, MON);
  assert.equal(s.weekEnd, '2026-03-15');
  assert.deepEqual(s.averages, {
    pain: 3.2,
    stress: 4,
    sittingMinutes: 317.1,
    days: { pain: 5, stress: 5, sittingMinutes: 7 },
  });
  assert.deepEqual(s.previousAverages.days, { pain: 7, stress: 7, sittingMinutes: 7 });
  assert.deepEqual(s.change, { pain: -2.8, stress: -1, sittingMinutes: -162.9 });
  assert.deepEqual(s.adherence, {
    checkInDays: 5,
    exerciseSessions: 7,
    daysWithExercise: 5,
    breaksTaken: 25,
  });
  assert.deepEqual(
    s.questionnaires.map((q) => q.instrumentId),
    ['peg', 'pain_nrs'],
  );
});

test('weekly summary of an empty week says so instead of inventing zeros', () => {
  const s = weeklySummary({ date: MON, days: [], questionnaires: [] });
  assert.deepEqual(s.averages, {
    pain: null,
    stress: null,
    sittingMinutes: null,
    days: { pain: 0, stress: 0, sittingMinutes: 0 },
  });
  assert.deepEqual(s.change, { pain: null, stress: null, sittingMinutes: null });
  assert.equal(s.adherence.checkInDays, 0);
});
