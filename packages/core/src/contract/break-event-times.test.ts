import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBreakEventTimes } from './break-event-times.js';
import type { StoredBreakEvent } from './breaks.js';
import { NBSP } from '../text/units.js';

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = new Date('2026-03-10T12:00:00Z');
const CREATED = new Date('2026-01-05T08:00:00Z');
const now = NOW.getTime();
const check = (events: StoredBreakEvent[]) => checkBreakEventTimes(events, NOW, CREATED, 'Europe/Berlin');

test('a batch within the bounds passes, however old, back to the account creation', () => {
  const events: StoredBreakEvent[] = [
    // Reopened after weeks away: the absence is dated from the last input, long ago.
    { type: 'away', at: CREATED.getTime() + DAY, locked: false },
    { type: 'natural-break', at: CREATED.getTime() + DAY, creditedAt: now },
    { type: 'present', at: now },
    { type: 'break-started', at: now + 4 * MIN, kind: 'walk', endsAt: now + 34 * MIN, cause: 'manual' },
    { type: 'paused', at: now + 5 * MIN, until: now + 3 * DAY },
    // A device clock a little behind the server's, at sign-up.
    { type: 'present', at: CREATED.getTime() - 4 * MIN },
  ];
  assert.deepEqual(check(events), { ok: true });
});

test('a time more than 5 minutes ahead of the server is refused, naming the event', () => {
  const r = check([
    { type: 'present', at: now },
    { type: 'away', at: now + 6 * MIN, locked: false },
  ]);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.code, 'recorded_in_the_future');
  assert.equal(r.field, 'events.1.at');
  assert.equal(
    r.message,
    `These break events were not saved: event 2 of 2 (away from the computer, 2026-03-10 13:06) is ` +
      `6${NBSP}minutes later than the server's clock (it takes up to 5${NBSP}min), so this device's ` +
      `clock is probably wrong. Set its date and time; the break coach records new events by it.`,
  );
});

test('every time an event carries is checked: begun, credited and a break end', () => {
  const ended = check([
    { type: 'break-ended', at: now, kind: 'walk', startedAt: now + DAY, outcome: 'taken' },
  ]);
  assert.equal(!ended.ok && ended.field, 'events.0.startedAt');
  const credited = check([{ type: 'natural-break', at: now, creditedAt: now + 10 * MIN }]);
  assert.equal(!credited.ok && credited.field, 'events.0.creditedAt');
  // A break's end lies up to the longest break after a start that may be 5 minutes ahead.
  const longBreak = { type: 'break-started', at: now, kind: 'walk', cause: 'scheduled' } as const;
  assert.deepEqual(check([{ ...longBreak, endsAt: now + 35 * MIN }]), { ok: true });
  const ends = check([{ ...longBreak, endsAt: now + 36 * MIN }]);
  assert.equal(!ends.ok && ends.field, 'events.0.endsAt');
  assert.match(!ends.ok ? ends.message : '', /\(break started, ending 2026-03-10 13:36\)/);
  const pausedEarly = check([{ type: 'paused', at: now, until: CREATED.getTime() - DAY }]);
  assert.equal(!pausedEarly.ok && pausedEarly.field, 'events.0.until');
});

test('a time before the account was made is refused, with the account date', () => {
  const r = check([
    { type: 'present', at: now },
    { type: 'hours-start', at: CREATED.getTime() - 6 * MIN },
  ]);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.code, 'recorded_before_account');
  assert.equal(r.field, 'events.1.at');
  assert.match(
    r.message,
    /event 2 of 2 \(working hours started, 2026-01-05 08:54\) is before this account was made \(2026-01-05 09:00\)/,
  );
});

test('the extreme times the schema admits are named without failing', () => {
  const far = check([{ type: 'present', at: 8_640_000_000_000_000 }]);
  assert.match(!far.ok ? far.message : '', /\+275760-09-13T00:00:00\.000Z/);
  const epoch = check([{ type: 'present', at: 0 }]);
  assert.match(!epoch.ok ? epoch.message : '', /1970-01-01 01:00\) is before this account/);
});
