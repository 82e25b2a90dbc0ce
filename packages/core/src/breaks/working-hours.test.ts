import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkingHours } from '../contract/breaks.js';
import { isWithinHours, msWithinHours, nextHoursEdge, pauseUntil } from './working-hours.js';

const H = 3_600_000;
const MIN = 60_000;
const utc = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const weekdays9to17: WorkingHours = { days: [1, 2, 3, 4, 5], ranges: [{ from: '09:00', to: '17:00' }] };
const withLunch: WorkingHours = {
  days: [1, 2, 3, 4, 5, 6, 7],
  ranges: [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '17:00' },
  ],
};

test('isWithinHours: edges, days off and no hours at all', () => {
  const z = 'Europe/Berlin';
  const table: [string, WorkingHours | null, boolean][] = [
    ['2026-03-30T06:59:59Z', weekdays9to17, false], // Mon 08:59:59 CEST
    ['2026-03-30T07:00:00Z', weekdays9to17, true], // Mon 09:00
    ['2026-03-30T14:59:59Z', weekdays9to17, true],
    ['2026-03-30T15:00:00Z', weekdays9to17, false], // 17:00 is outside: ranges are half-open
    ['2026-03-29T10:00:00Z', weekdays9to17, false], // Sunday
    ['2026-03-29T10:00:00Z', null, true],
    ['2026-03-30T10:30:00Z', withLunch, false], // 12:30 lunch
  ];
  for (const [at, hours, expected] of table) assert.equal(isWithinHours(utc(at), hours, z), expected, at);
});

test('msWithinHours clips to ranges and skips lunch', () => {
  const z = 'Europe/Berlin';
  // Mon 08:00 to 18:00 CEST is 10 h of clock, 7 h of working time with a 1 h lunch.
  assert.equal(msWithinHours(utc('2026-03-30T06:00:00Z'), utc('2026-03-30T16:00:00Z'), withLunch, z), 7 * H);
  assert.equal(msWithinHours(utc('2026-03-30T06:00:00Z'), utc('2026-03-30T16:00:00Z'), null, z), 10 * H);
  assert.equal(msWithinHours(utc('2026-03-30T16:00:00Z'), utc('2026-03-30T06:00:00Z'), null, z), 0);
});

test('a range across the spring-forward hour is an hour shorter (Berlin 2026-03-29)', () => {
  const z = 'Europe/Berlin';
  const night: WorkingHours = { days: [7], ranges: [{ from: '01:00', to: '05:00' }] };
  const day = msWithinHours(utc('2026-03-28T00:00:00Z'), utc('2026-03-30T00:00:00Z'), night, z);
  assert.equal(day, 3 * H);
});

test('a range across the fall-back hour is an hour longer (New York 2026-11-01)', () => {
  const z = 'America/New_York';
  const night: WorkingHours = { days: [7], ranges: [{ from: '01:00', to: '05:00' }] };
  assert.equal(msWithinHours(utc('2026-10-31T00:00:00Z'), utc('2026-11-02T00:00:00Z'), night, z), 5 * H);
  // The start is the first 01:00 (EDT, 05:00Z), the end 05:00 EST (10:00Z).
  assert.equal(iso(nextHoursEdge(utc('2026-11-01T00:00:00Z'), night, z)), '2026-11-01T05:00:00.000Z');
  assert.equal(iso(nextHoursEdge(utc('2026-11-01T05:00:00Z'), night, z)), '2026-11-01T10:00:00.000Z');
});

test('nextHoursEdge: next start, next end, over a weekend, and never for all-day hours', () => {
  const z = 'Europe/Berlin';
  assert.equal(iso(nextHoursEdge(utc('2026-03-30T05:00:00Z'), weekdays9to17, z)), '2026-03-30T07:00:00.000Z');
  assert.equal(iso(nextHoursEdge(utc('2026-03-30T07:00:00Z'), weekdays9to17, z)), '2026-03-30T15:00:00.000Z');
  assert.equal(iso(nextHoursEdge(utc('2026-04-03T15:00:00Z'), weekdays9to17, z)), '2026-04-06T07:00:00.000Z'); // Fri 17:00 -> Mon 09:00
  const allDay: WorkingHours = { days: [1, 2, 3, 4, 5, 6, 7], ranges: [{ from: '00:00', to: '24:00' }] };
  assert.equal(nextHoursEdge(utc('2026-03-30T05:00:00Z'), allDay, z), null);
  assert.equal(nextHoursEdge(utc('2026-03-30T05:00:00Z'), null, z), null);
  // Touching ranges are one span: no edge at 12:00.
  const touching: WorkingHours = {
    days: [1],
    ranges: [
      { from: '09:00', to: '12:00' },
      { from: '12:00', to: '17:00' },
    ],
  };
  assert.equal(iso(nextHoursEdge(utc('2026-03-30T08:00:00Z'), touching, z)), '2026-03-30T15:00:00.000Z');
});

test('pauseUntil: minutes, tomorrow morning across DST, and next working start', () => {
  const noHours = { workingHours: null, tomorrowStartsAt: '06:00' };
  const at = utc('2026-03-28T19:00:00Z'); // Sat 20:00 CET
  assert.equal(pauseUntil(at, { minutes: 30 }, noHours, 'Europe/Berlin'), at + 30 * MIN);
  // Sunday 06:00 is CEST already: 04:00Z, only 9 h later (10 h on a normal night).
  assert.equal(iso(pauseUntil(at, 'tomorrow', noHours, 'Europe/Berlin')), '2026-03-29T04:00:00.000Z');
  // New York: Sat 22:00 EDT -> Sun 06:00 EST = 11:00Z, 9 h later (8 h on a normal night).
  const ny = utc('2026-11-01T02:00:00Z');
  assert.equal(iso(pauseUntil(ny, 'tomorrow', noHours, 'America/New_York')), '2026-11-01T11:00:00.000Z');
  // With working hours: Friday evening -> Monday 09:00.
  const fri = utc('2026-04-03T16:00:00Z');
  assert.equal(
    iso(
      pauseUntil(
        fri,
        'tomorrow',
        { workingHours: weekdays9to17, tomorrowStartsAt: '06:00' },
        'Europe/Berlin',
      ),
    ),
    '2026-04-06T07:00:00.000Z',
  );
});
