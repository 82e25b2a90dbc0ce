import { checkRecordedAt } from '@hipwise/core';
import { AppError } from '../errors.js';

/**
 * The time a user's write is dated by: the `recordedAt` the browser sent (a write kept on the
 * device while hipwise was out of reach is sent late but belongs to when it was made), or `now`.
 * Outside the bounds of `checkRecordedAt` it is refused with a sentence the user can act on.
 */
export function recordedTime(
  recordedAt: string | undefined,
  now: Date,
  what: string,
  timeZone: string,
): Date {
  const check = checkRecordedAt(recordedAt, now, what, timeZone);
  if (!check.ok) throw new AppError('validation', check.code, check.message, { recordedAt: check.field });
  return check.at;
}
