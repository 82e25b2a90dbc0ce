import { z } from 'zod';
import { localDate } from '../time/local-date.js';
import { plural } from '../text/units.js';

/**
 * When the user made a write, as the browser's clock read it. A write kept on the device while
 * hipwise could not be reached is sent later, sometimes days later; it still belongs to the day
 * and time it was made. The server trusts it only within these bounds: a device clock a little
 * ahead is normal, and a write older than the bound is too old to date a day's record by.
 */
export const RECORDED_AT_MAX_AGE_DAYS = 14;
export const RECORDED_AT_MAX_AHEAD_MINUTES = 5;

/** An ISO 8601 date and time with its offset (`Z` or `+01:00`), e.g. `2026-12-07T23:50:00+01:00`. */
export const recordedAtSchema = z.iso.datetime({
  offset: true,
  message: 'must be a date and time such as 2026-12-07T23:50:00+01:00',
});

export type RecordedAtCheck =
  | { readonly ok: true; readonly at: Date }
  | {
      readonly ok: false;
      readonly code: 'recorded_too_long_ago' | 'recorded_in_the_future';
      readonly message: string;
      readonly field: string;
    };

/**
 * The time a write is stored at: `recordedAt` when it lies within the bounds, `now` when the
 * client sent none. `what` names the write in the refusal ("check-in"); `timeZone` (the user's)
 * dates it in words the user knows.
 */
export function checkRecordedAt(
  recordedAt: string | undefined,
  now: Date,
  what: string,
  timeZone: string,
): RecordedAtCheck {
  if (recordedAt === undefined) return { ok: true, at: now };
  const at = new Date(recordedAt);
  const aheadMs = at.getTime() - now.getTime();
  if (aheadMs > RECORDED_AT_MAX_AHEAD_MINUTES * 60_000) {
    const ahead = plural(Math.ceil(aheadMs / 60_000), 'minute');
    return {
      ok: false,
      code: 'recorded_in_the_future',
      field: `is ${ahead} later than the server's clock`,
      message:
        `This ${what} is dated ${ahead} later than the server's clock, so this device's clock is ` +
        `probably wrong. Set its date and time, then save the ${what} again.`,
    };
  }
  if (-aheadMs > RECORDED_AT_MAX_AGE_DAYS * 86_400_000) {
    const limit = plural(RECORDED_AT_MAX_AGE_DAYS, 'day');
    return {
      ok: false,
      code: 'recorded_too_long_ago',
      field: `is more than ${limit} ago`,
      message:
        `This ${what} was made on ${localDate(at, timeZone)}, more than ${limit} ago, and hipwise ` +
        `takes records up to ${limit} old. Dismiss it, and note what matters in today's check-in ` +
        `(if that date is wrong, correct this device's clock first).`,
    };
  }
  return { ok: true, at };
}
