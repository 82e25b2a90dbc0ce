import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakEventsBody, breakSettingsSchema, storedBreakEventSchema, storedEventKey } from './breaks.js';

test('an empty settings object gets every default', () => {
  assert.deepEqual(breakSettingsSchema.parse({}), {
    enabled: true,
    workMinutes: 30,
    breakMinutes: 3,
    idleThresholdSeconds: 180,
    graceMinutes: 2,
    micro: { enabled: false, everyMinutes: 10, seconds: 20 },
    sitStand: { enabled: false, sitMinutes: 30, standMinutes: 30 },
    skipsPerDay: 3,
    postponesPerBreak: 2,
    strict: false,
    workingHours: null,
    tomorrowStartsAt: '06:00',
  });
  assert.deepEqual(breakSettingsSchema.parse({ micro: { enabled: true } }).micro, {
    enabled: true,
    everyMinutes: 10,
    seconds: 20,
  });
});

test('settings bounds are enforced', () => {
  const bad: unknown[] = [
    { workMinutes: 4 },
    { workMinutes: 121 },
    { breakMinutes: 0 },
    { breakMinutes: 31 },
    { workMinutes: 10, breakMinutes: 10 }, // the break must be shorter than the interval
    { idleThresholdSeconds: 59 },
    { workMinutes: 30.5 },
    { micro: { everyMinutes: 4 } },
    { sitStand: { standMinutes: 121 } },
    { skipsPerDay: -1 },
    { postponesPerBreak: 6 },
    { workingHours: { days: [], ranges: [{ from: '09:00', to: '17:00' }] } },
    { workingHours: { days: [8], ranges: [{ from: '09:00', to: '17:00' }] } },
    { workingHours: { days: [1, 1], ranges: [{ from: '09:00', to: '17:00' }] } },
    { workingHours: { days: [1], ranges: [{ from: '22:00', to: '02:00' }] } }, // over midnight: split it
    { workingHours: { days: [1], ranges: [{ from: '9:00', to: '17:00' }] } },
    { tomorrowStartsAt: '24:01' },
    { surprise: true },
  ];
  for (const input of bad)
    assert.equal(breakSettingsSchema.safeParse(input).success, false, JSON.stringify(input));
  const ok = breakSettingsSchema.safeParse({
    workMinutes: 120,
    breakMinutes: 30,
    workingHours: { days: [1, 2], ranges: [{ from: '00:00', to: '24:00' }] },
  });
  assert.equal(ok.success, true);
});

test('stored events: each type parses; unknown types, extra keys and bad times do not', () => {
  const good = [
    { type: 'present', at: 1 },
    { type: 'break-started', at: 5, kind: 'walk', endsAt: 10, cause: 'manual' },
    { type: 'break-postponed', at: 5, kind: 'micro', minutes: 2 },
    { type: 'posture', at: 5, posture: 'standing' },
  ];
  for (const e of good) assert.equal(storedBreakEventSchema.safeParse(e).success, true, JSON.stringify(e));
  const bad = [
    { type: 'teleported', at: 1 },
    { type: 'present', at: 1, extra: 1 },
    { type: 'present', at: -1 },
    { type: 'present', at: 1.5 },
    { type: 'break-postponed', at: 5, kind: 'walk', minutes: 3 },
    { type: 'break-ended', at: 5, kind: 'walk', startedAt: 1, outcome: 'maybe' },
  ];
  for (const e of bad) assert.equal(storedBreakEventSchema.safeParse(e).success, false, JSON.stringify(e));
  assert.equal(breakEventsBody.safeParse({ events: [] }).success, false);
  assert.equal(storedEventKey({ type: 'present', at: 42 }), '42:present');
});
