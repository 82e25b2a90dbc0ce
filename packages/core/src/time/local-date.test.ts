import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, DateOutOfRangeError, isLocalDate, isValidTimeZone, localDate } from './local-date.js';

test('localDate uses the given time zone, not UTC', () => {
  const instant = new Date('2026-03-01T23:30:00Z');
  assert.equal(localDate(instant, 'UTC'), '2026-03-01');
  assert.equal(localDate(instant, 'Europe/Berlin'), '2026-03-02');
  assert.equal(localDate(instant, 'America/New_York'), '2026-03-01');
  assert.equal(localDate(new Date('2026-03-02T03:00:00Z'), 'America/Los_Angeles'), '2026-03-01');
});

test('isValidTimeZone accepts IANA names and rejects junk', () => {
  assert.equal(isValidTimeZone('Europe/London'), true);
  assert.equal(isValidTimeZone('UTC'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
  assert.equal(isValidTimeZone(''), false);
});

test('addDays crosses months, leap days and years', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-02-28', 1), '2023-03-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
});

test('isLocalDate rejects impossible dates', () => {
  assert.equal(isLocalDate('2024-02-29'), true);
  assert.equal(isLocalDate('2023-02-29'), false);
  assert.equal(isLocalDate('2024-13-01'), false);
  assert.equal(isLocalDate('2024-1-01'), false);
});

test('addDays refuses to leave the years 0000-9999 instead of returning a non-date', () => {
  assert.equal(addDays('9999-12-30', 1), '9999-12-31');
  assert.throws(() => addDays('9999-12-31', 1), DateOutOfRangeError);
  assert.throws(() => addDays('0000-01-01', -1), DateOutOfRangeError);
  assert.throws(() => addDays('not a date', 1), DateOutOfRangeError);
});
