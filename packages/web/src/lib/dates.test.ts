import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLongDate, formatShortDate } from './dates';
import { formatDayClock } from './time-format';

// The process's own locale (LANG) is whatever the machine has; the app's dates are English anyway.
test('dates are written in English whatever the browser or machine language', () => {
  assert.equal(formatLongDate('2026-11-27'), 'Friday 27 November');
  assert.equal(formatShortDate('2026-11-27'), '27 Nov');
  assert.equal(formatDayClock(Date.parse('2026-11-30T13:30:00Z'), 'UTC'), 'Mon 13:30');
});
