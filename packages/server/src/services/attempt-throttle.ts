import { createHash } from 'node:crypto';
import { ALL_BACKOFFS, plural } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { deleteStaleThrottles } from '../repositories/login-throttle.js';

/** What a throttle row counts, and of whom. */
export type ThrottleKind =
  'account' | 'address' | 'device' | 'signup' | 'invitation-account' | 'invitation-address';

/**
 * Rows are keyed by a hash, so the table never holds an email, address or account id in clear.
 * The lock id is the same hash's first 64 bits.
 */
export function throttleKey(kind: ThrottleKind, value: string) {
  const digest = createHash('sha256').update(`${kind}:${value}`).digest();
  return { key: `${kind}:${digest.subarray(0, 16).toString('hex')}`, lockId: digest.readBigInt64BE(0) };
}

const FORGET_SECONDS = Math.max(...ALL_BACKOFFS.map((p) => p.forgetAfterSeconds));

/** Forgets every count no policy remembers any more, whichever kind it is. */
export async function purgeExpiredThrottles(q: Queryable, now: Date): Promise<void> {
  await deleteStaleThrottles(q, new Date(now.getTime() - FORGET_SECONDS * 1000));
}

/** The 429 every throttle answers with: what happened, and how long to wait. */
export function tooManyAttempts(seconds: number, what: string): AppError {
  const wait = seconds < 90 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');
  return new AppError(
    'too_many_requests',
    'too_many_attempts',
    `${what} For your safety, please wait ${wait} and try again.`,
    undefined,
    seconds,
  );
}
