import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoredBreakEvent } from '../contract/breaks.js';
import { dailySeries, dailyStats, weeklySeries } from './stats.js';

const MIN = 60_000;
const H = 60 * MIN;
const z = (iso: string) => Date.parse(iso);
const B = 'Europe/Berlin';

/**
 * A hand-made Monday, 2026-03-30 in Berlin (the local day is 22:00Z Sunday to 22:00Z Monday).
 * Expected values are worked out in the comments, minute by minute.
 */
const events: StoredBreakEvent[] = [
  // Sunday 23:30 to Monday 00:30 local: only the 30 min after midnight belong to Monday.
  { type: 'present', at: z('2026-03-29T21:30:00Z') },
  { type: 'away', at: z('2026-03-29T22:30:00Z'), locked: true },
  { type: 'present', at: z('2026-03-30T07:00:00Z') }, // sitting 07:00-07:30 = 30
  {
    type: 'break-started',
    at: z('2026-03-30T07:30:00Z'),
    kind: 'walk',
    endsAt: z('2026-03-30T07:33:00Z'),
    cause: 'scheduled',
  },
  {
    type: 'break-ended',
    at: z('2026-03-30T07:33:00Z'),
    kind: 'walk',
    startedAt: z('2026-03-30T07:30:00Z'),
    outcome: 'taken',
  },
  // sitting 07:33-08:00 = 27
  {
    type: 'break-started',
    at: z('2026-03-30T08:00:00Z'),
    kind: 'walk',
    endsAt: z('2026-03-30T08:03:00Z'),
    cause: 'scheduled',
  },
  { type: 'break-postponed', at: z('2026-03-30T08:00:30Z'), kind: 'walk', minutes: 5 },
  // sitting 08:00:30-08:05:30 = 5
  {
    type: 'break-started',
    at: z('2026-03-30T08:05:30Z'),
    kind: 'walk',
    endsAt: z('2026-03-30T08:08:30Z'),
    cause: 'postponed',
  },
  { type: 'break-skipped', at: z('2026-03-30T08:06:00Z'), kind: 'walk', reason: 'user' },
  // sitting 08:06-08:10 = 4, standing 08:10-08:40 = 30, sitting 08:40-09:00 = 20
  { type: 'posture', at: z('2026-03-30T08:10:00Z'), posture: 'standing' },
  { type: 'posture-due', at: z('2026-03-30T08:39:00Z'), kind: 'sit' },
  { type: 'posture', at: z('2026-03-30T08:40:00Z'), posture: 'sitting' },
  { type: 'away', at: z('2026-03-30T09:00:00Z'), locked: false },
  { type: 'natural-break', at: z('2026-03-30T09:00:00Z'), creditedAt: z('2026-03-30T09:03:00Z') },
  { type: 'present', at: z('2026-03-30T09:20:00Z') },
  // sitting 09:20-12:00 = 160, unbroken: a micro break and a pause do not end a sitting stretch
  {
    type: 'break-started',
    at: z('2026-03-30T09:30:00Z'),
    kind: 'micro',
    endsAt: z('2026-03-30T09:30:20Z'),
    cause: 'scheduled',
  },
  {
    type: 'break-ended',
    at: z('2026-03-30T09:30:20Z'),
    kind: 'micro',
    startedAt: z('2026-03-30T09:30:00Z'),
    outcome: 'taken',
  },
  { type: 'paused', at: z('2026-03-30T10:00:00Z'), until: z('2026-03-30T11:00:00Z') },
  { type: 'resumed', at: z('2026-03-30T11:00:00Z'), auto: true },
  { type: 'away', at: z('2026-03-30T12:00:00Z'), locked: false },
];

test('dailyStats of a hand-computed Monday', () => {
  // Shuffled input: statistics must not depend on arrival order.
  const s = dailyStats([...events].reverse(), B, '2026-03-30');
  assert.equal(s.sittingMs, (30 + 30 + 27 + 5 + 4 + 20 + 160) * MIN); // 276 min
  assert.equal(s.standingMs, 30 * MIN);
  assert.equal(s.activeMs, 306 * MIN);
  assert.equal(s.longestSittingMs, 160 * MIN);
  assert.deepEqual(s.walk, { taken: 1, endedEarly: 0, ignored: 0, skipped: 1, postponed: 1 });
  assert.deepEqual(s.micro, { taken: 1, endedEarly: 0, ignored: 0, skipped: 0, postponed: 0 });
  assert.equal(s.naturalBreaks, 1);
});

test('the day before gets only its own part of a stretch over midnight (and it is a 23-h DST day)', () => {
  const s = dailyStats(events, B, '2026-03-29');
  assert.equal(s.sittingMs, 30 * MIN); // 23:30-24:00 local
  assert.equal(s.longestSittingMs, 30 * MIN);
  assert.equal(s.walk.taken, 0);
  assert.equal(s.naturalBreaks, 0);
});

test('DST days: present all day is 23 h in Berlin on 2026-03-29 and 25 h in New York on 2026-11-01', () => {
  const berlin = dailyStats([{ type: 'present', at: z('2026-03-28T23:00:00Z') }], B, '2026-03-29', {
    asOf: z('2026-04-01T00:00:00Z'),
  });
  assert.equal(berlin.sittingMs, 23 * H);
  assert.equal(berlin.longestSittingMs, 23 * H);
  const ny = dailyStats(
    [{ type: 'present', at: z('2026-11-01T04:00:00Z') }],
    'America/New_York',
    '2026-11-01',
    {
      asOf: z('2026-11-03T00:00:00Z'),
    },
  );
  assert.equal(ny.sittingMs, 25 * H);
});

test('asOf closes an open day; without it the day ends at the last event', () => {
  const open: StoredBreakEvent[] = [{ type: 'present', at: z('2026-03-30T07:00:00Z') }];
  assert.equal(dailyStats(open, B, '2026-03-30').sittingMs, 0);
  assert.equal(dailyStats(open, B, '2026-03-30', { asOf: z('2026-03-30T08:15:00Z') }).sittingMs, 75 * MIN);
  assert.equal(dailyStats([], B, '2026-03-30').activeMs, 0);
});

test('dailySeries and weeklySeries for charts', () => {
  const days = dailySeries(events, B, '2026-03-28', '2026-03-31');
  assert.deepEqual(
    days.map((d) => [d.date, d.sittingMs / MIN]),
    [
      ['2026-03-28', 0],
      ['2026-03-29', 30],
      ['2026-03-30', 276],
      ['2026-03-31', 0],
    ],
  );
  const weeks = weeklySeries(events, B, '2026-03-23', 2);
  assert.deepEqual(
    weeks.map((w) => [
      w.weekStart,
      w.sittingMs / MIN,
      w.activeDays,
      w.avgSittingMsPerActiveDay / MIN,
      w.longestSittingMs / MIN,
    ]),
    [
      ['2026-03-23', 30, 1, 30, 30],
      ['2026-03-30', 276, 1, 276, 160],
    ],
  );
  assert.deepEqual(
    weeks.map((w) => [w.walkTaken, w.walkSkipped, w.walkPostponed, w.naturalBreaks]),
    [
      [0, 0, 0, 0],
      [1, 1, 1, 1],
    ],
  );
});

test('a break dropped by a pause is not counted as skipped: Skipped counts what the skip allowance does', () => {
  const day: StoredBreakEvent[] = [
    { type: 'present', at: z('2026-03-30T07:00:00Z') },
    {
      type: 'break-started',
      at: z('2026-03-30T07:30:00Z'),
      kind: 'walk',
      endsAt: z('2026-03-30T07:33:00Z'),
      cause: 'scheduled',
    },
    { type: 'break-skipped', at: z('2026-03-30T07:31:00Z'), kind: 'walk', reason: 'pause' },
    { type: 'paused', at: z('2026-03-30T07:31:00Z'), until: z('2026-03-30T08:31:00Z') },
  ];
  assert.equal(dailyStats(day, B, '2026-03-30').walk.skipped, 0);
  const skipped = day.map((e) => (e.type === 'break-skipped' ? { ...e, reason: 'user' as const } : e));
  assert.equal(dailyStats(skipped, B, '2026-03-30').walk.skipped, 1);
});
