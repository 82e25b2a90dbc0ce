import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoWeekday, startOfLocalDay, wallClock, zonedTimeToEpoch, zoneOffsetMs } from './zoned-time.js';

const H = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

test('zoneOffsetMs follows DST in Berlin and New York', () => {
  assert.equal(zoneOffsetMs(utc('2026-03-29T00:59:59Z'), 'Europe/Berlin'), 1 * H);
  assert.equal(zoneOffsetMs(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin'), 2 * H);
  assert.equal(zoneOffsetMs(utc('2026-11-01T05:59:00Z'), 'America/New_York'), -4 * H);
  assert.equal(zoneOffsetMs(utc('2026-11-01T06:00:00Z'), 'America/New_York'), -5 * H);
  assert.equal(zoneOffsetMs(utc('2026-11-01T06:00:00.750Z'), 'America/New_York'), -5 * H);
});

test('zonedTimeToEpoch: ordinary, skipped and repeated wall times', () => {
  const table: [date: string, hhmm: number, zone: string, expected: string][] = [
    ['2026-03-29', 9 * 60, 'Europe/Berlin', '2026-03-29T07:00:00Z'], // after spring forward: CEST
    ['2026-03-28', 9 * 60, 'Europe/Berlin', '2026-03-28T08:00:00Z'], // day before: CET
    ['2026-03-29', 2 * 60 + 30, 'Europe/Berlin', '2026-03-29T01:30:00Z'], // 02:30 does not exist -> 03:30 CEST
    ['2026-10-25', 2 * 60 + 30, 'Europe/Berlin', '2026-10-25T00:30:00Z'], // twice -> first (CEST)
    ['2026-11-01', 1 * 60 + 30, 'America/New_York', '2026-11-01T05:30:00Z'], // twice -> first (EDT)
    ['2026-11-01', 9 * 60, 'America/New_York', '2026-11-01T14:00:00Z'], // after fall back: EST
    ['2026-03-08', 2 * 60 + 30, 'America/New_York', '2026-03-08T07:30:00Z'], // gap -> 03:30 EDT
    ['2026-06-01', 24 * 60, 'UTC', '2026-06-02T00:00:00Z'],
  ];
  for (const [date, minutes, zone, expected] of table) {
    assert.equal(
      new Date(zonedTimeToEpoch(date, minutes, zone)).toISOString(),
      new Date(expected).toISOString(),
      `${date} ${minutes} ${zone}`,
    );
  }
});

test('DST days are 23 and 25 hours long', () => {
  const len = (d: string, next: string, z: string) => (startOfLocalDay(next, z) - startOfLocalDay(d, z)) / H;
  assert.equal(len('2026-03-29', '2026-03-30', 'Europe/Berlin'), 23);
  assert.equal(len('2026-11-01', '2026-11-02', 'America/New_York'), 25);
  assert.equal(len('2026-06-01', '2026-06-02', 'Europe/Berlin'), 24);
});

test('wallClock and isoWeekday', () => {
  assert.deepEqual(wallClock(utc('2026-03-29T07:15:00Z'), 'Europe/Berlin'), {
    date: '2026-03-29',
    minuteOfDay: 9 * 60 + 15,
  });
  assert.deepEqual(wallClock(utc('2026-11-01T06:30:00Z'), 'America/New_York'), {
    date: '2026-11-01',
    minuteOfDay: 60 + 30,
  });
  assert.equal(isoWeekday('2026-03-29'), 7); // a Sunday
  assert.equal(isoWeekday('2026-03-30'), 1);
});
