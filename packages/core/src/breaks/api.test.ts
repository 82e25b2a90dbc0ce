import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { breakSettingsSchema } from './contract.js';
import {
  breakEventsQuery,
  breakStatsQuery,
  walkingBreakGoal,
  walkingBreaksTaken,
  weekStartOf,
} from './api.js';

describe('break API contract', () => {
  test('stats query: a range, weeks, or nothing; never both, never backwards or too long', () => {
    assert.ok(breakStatsQuery.safeParse({}).success);
    assert.deepEqual(breakStatsQuery.parse({ weeks: '8' }), { weeks: 8 });
    assert.ok(breakStatsQuery.safeParse({ from: '2026-01-01', to: '2026-01-31' }).success);
    const bad: unknown[] = [
      { from: '2026-01-01' },
      { from: '2026-02-01', to: '2026-01-01' },
      { from: '2025-01-01', to: '2026-03-01' },
      { from: '2026-01-01', to: '2026-01-02', weeks: '2' },
      { weeks: '0' },
      { weeks: '53' },
      { weeks: 'many' },
      { from: '2026-02-30', to: '2026-03-01' },
      { userId: 'x' },
    ];
    for (const q of bad) assert.equal(breakStatsQuery.safeParse(q).success, false, JSON.stringify(q));
    assert.equal(breakEventsQuery.safeParse({ from: '2026-01-01', to: '2027-02-01' }).success, false);
  });

  test('weeks start on Monday', () => {
    assert.equal(weekStartOf('2026-03-10'), '2026-03-09'); // a Tuesday
    assert.equal(weekStartOf('2026-03-09'), '2026-03-09');
    assert.equal(weekStartOf('2026-03-15'), '2026-03-09'); // Sunday
  });

  test('the daily goal follows the work interval and working hours', () => {
    const defaults = breakSettingsSchema.parse({});
    assert.equal(walkingBreakGoal(defaults, '2026-03-10'), 14); // 480 / 33
    const hours = breakSettingsSchema.parse({
      workMinutes: 50,
      breakMinutes: 10,
      workingHours: {
        days: [1, 2, 3, 4, 5],
        ranges: [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ],
      },
    });
    assert.equal(walkingBreakGoal(hours, '2026-03-10'), 7); // 420 / 60
    assert.equal(walkingBreakGoal(hours, '2026-03-14'), 0); // Saturday
  });

  test('natural breaks count as taken', () => {
    assert.equal(walkingBreaksTaken({ walk: { taken: 2 }, naturalBreaks: 3 }), 5);
  });
});
