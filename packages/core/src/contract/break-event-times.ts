import { isoInZone } from '../time/instant-in-zone.js';
import { minutes, plural } from '../text/units.js';
import { LONGEST_BREAK_MINUTES, type StoredBreakEvent, type StoredBreakEventType } from './breaks.js';
import { RECORDED_AT_MAX_AHEAD_MINUTES } from './recorded-at.js';

/**
 * The server's bounds on the times a batch of break events carries. Ahead, the same bound as any
 * other write dated by the device (`recordedAt`). Back, only the account's creation: the coach
 * keeps unsent events on the device for as long as hipwise is out of reach and retries them
 * without end, and it dates an absence from the user's last input, so a page reopened after a
 * month away sends an `away` dated a month back in the same batch as today's `present`. An age
 * limit would refuse such a batch, today's events with it; an event from before the account
 * existed can only come from a wrong clock.
 */
export const BREAK_EVENT_MAX_AHEAD_MINUTES = RECORDED_AT_MAX_AHEAD_MINUTES;

const EVENT_WORDS: Record<StoredBreakEventType, string> = {
  present: 'back at the computer',
  away: 'away from the computer',
  'natural-break': 'natural break',
  'break-started': 'break started',
  'break-ended': 'break ended',
  'break-postponed': 'break postponed',
  'break-skipped': 'break skipped',
  'posture-due': 'stand or sit reminder',
  posture: 'posture changed',
  paused: 'reminders paused',
  resumed: 'reminders resumed',
  'hours-start': 'working hours started',
  'hours-end': 'working hours ended',
};

export type BreakEventTimesCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'recorded_in_the_future' | 'recorded_before_account';
      readonly message: string;
      /** The field at fault, as a path into the body (`events.3.at`), and what is wrong with it. */
      readonly field: string;
      readonly fieldMessage: string;
    };

type TimeField = 'at' | 'startedAt' | 'creditedAt' | 'endsAt' | 'until';
/** How a person reads each time of an event: "break started, ending 2026-03-10 14:35". */
const FIELD_WORDS: Record<TimeField, string> = {
  at: '',
  startedAt: 'begun ',
  creditedAt: 'credited ',
  endsAt: 'ending ',
  until: 'until ',
};

/** Every time an event carries, and how far past `now` it may lie (null: no bound ahead). */
function timesOf(e: StoredBreakEvent): Array<[TimeField, number, number | null]> {
  const ahead = BREAK_EVENT_MAX_AHEAD_MINUTES * 60_000;
  const times: Array<[TimeField, number, number | null]> = [['at', e.at, ahead]];
  if (e.type === 'break-ended') times.push(['startedAt', e.startedAt, ahead]);
  if (e.type === 'natural-break') times.push(['creditedAt', e.creditedAt, ahead]);
  // A break on screen ends later than it started; a pause may run to another day.
  if (e.type === 'break-started') times.push(['endsAt', e.endsAt, ahead + LONGEST_BREAK_MINUTES * 60_000]);
  if (e.type === 'paused') times.push(['until', e.until, null]);
  return times;
}

/**
 * Whether every time in a batch of break events lies between the account's creation (less the
 * same slack as ahead, for a device clock a little behind the server's) and a little after `now`.
 * The first event out of bounds is named in the refusal, in the user's `timeZone`.
 */
export function checkBreakEventTimes(
  events: readonly StoredBreakEvent[],
  now: Date,
  accountCreatedAt: Date,
  timeZone: string,
): BreakEventTimesCheck {
  const earliest = accountCreatedAt.getTime() - BREAK_EVENT_MAX_AHEAD_MINUTES * 60_000;
  for (const [i, e] of events.entries()) {
    for (const [name, ms, maxAhead] of timesOf(e)) {
      const which =
        `event ${i + 1} of ${events.length} (${EVENT_WORDS[e.type]}, ` +
        `${FIELD_WORDS[name]}${dateTime(ms, timeZone)})`;
      if (maxAhead !== null && ms - now.getTime() > maxAhead) {
        const ahead = plural(Math.ceil((ms - now.getTime()) / 60_000), 'minute');
        return {
          ok: false,
          code: 'recorded_in_the_future',
          field: `events.${i}.${name}`,
          fieldMessage: `is ${ahead} later than the server's clock`,
          message:
            `These break events were not saved: ${which} is ${ahead} later than the server's clock ` +
            `(it takes up to ${minutes(BREAK_EVENT_MAX_AHEAD_MINUTES)}), so this device's clock is probably ` +
            `wrong. Set its date and time; the break coach records new events by it.`,
        };
      }
      if (ms < earliest) {
        return {
          ok: false,
          code: 'recorded_before_account',
          field: `events.${i}.${name}`,
          fieldMessage: 'is before this account was made',
          message:
            `These break events were not saved: ${which} is before this account was made ` +
            `(${dateTime(accountCreatedAt.getTime(), timeZone)}), so this device's clock is probably ` +
            `wrong. Set its date and time; the break coach records new events by it.`,
        };
      }
    }
  }
  return { ok: true };
}

/** "2026-03-10 14:05", the local date and time in `timeZone`. */
function dateTime(ms: number, timeZone: string): string {
  try {
    const iso = isoInZone(ms, timeZone);
    if (/^\d{4}-/.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  } catch {
    // Beyond the years a zone's offset can be found for: said in UTC below.
  }
  return new Date(ms).toISOString();
}
