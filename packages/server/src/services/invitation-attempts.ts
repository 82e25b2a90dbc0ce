import {
  INVITATION_ACCOUNT_BACKOFF,
  INVITATION_ADDRESS_BACKOFF,
  recordFailure,
  secondsLocked,
} from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import type { AppError } from '../errors.js';
import { findThrottles, lockThrottleKey, saveThrottle } from '../repositories/login-throttle.js';
import { purgeExpiredThrottles, throttleKey, tooManyAttempts } from './attempt-throttle.js';

/** Who tries a code: the signed-in account, and the address the request came from. */
export interface CodeTrier {
  userId: string;
  address: string | null;
}

export type CodeOutcome<T> = { kind: 'ok'; value: T } | { kind: 'wrong' } | { kind: 'locked'; wait: number };

/**
 * One try of an invitation code inside `tx`, under the limits on wrong codes: per account
 * (INVITATION_ACCOUNT_BACKOFF) and per address (INVITATION_ADDRESS_BACKOFF), kept in the database
 * with the log-in counts so every server process enforces them. Only the trier's own account and
 * address are counted, so nobody else's wrong codes can block a right one from elsewhere.
 * `attempt` gives undefined for a wrong code, which is counted. A locked trier's code is not
 * looked at, right or not, so a refusal says nothing about it; a right code clears nothing, as
 * a clinician could otherwise mix codes of their own between guesses.
 *
 * The outcome is returned rather than thrown so that the caller's transaction commits the
 * count; `settle` turns it into the value or the error once it has.
 */
export async function tryCode<T>(
  tx: Queryable,
  who: CodeTrier,
  now: Date,
  attempt: () => Promise<T | undefined>,
): Promise<CodeOutcome<T>> {
  const account = throttleKey('invitation-account', who.userId);
  const address = throttleKey('invitation-address', who.address ?? 'unknown');
  // Parallel guesses queue here instead of all slipping past the count; always account first.
  await lockThrottleKey(tx, account.lockId);
  await lockThrottleKey(tx, address.lockId);
  await purgeExpiredThrottles(tx, now);
  const rows = await findThrottles(tx, [account.key, address.key]);
  const wait = Math.max(secondsLocked(rows.get(account.key), now), secondsLocked(rows.get(address.key), now));
  if (wait > 0) return { kind: 'locked', wait };
  const value = await attempt();
  if (value !== undefined) return { kind: 'ok', value };
  await saveThrottle(
    tx,
    account.key,
    recordFailure(INVITATION_ACCOUNT_BACKOFF, rows.get(account.key), now),
    who.userId,
  );
  await saveThrottle(tx, address.key, recordFailure(INVITATION_ADDRESS_BACKOFF, rows.get(address.key), now));
  return { kind: 'wrong' };
}

/** The value of a try, or its refusal: `wrong` for a code that is not one, a 429 when locked. */
export function settle<T>(outcome: CodeOutcome<T>, wrong: () => AppError): T {
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'wrong':
      throw wrong();
    case 'locked':
      throw tooManyAttempts(outcome.wait, 'Too many wrong invitation codes.');
  }
}
