import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { breakSettingsSchema } from '../contract/breaks.js';
import { walkingBreakGoal, walkingBreaksTaken, weekStartOf } from './days.js';

describe('days of the sitting coach', () => {
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
