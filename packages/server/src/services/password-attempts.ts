import {
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  SIGNUP_BACKOFF,
  recordFailure,
  secondsLocked,
  type User,
} from '@hipwise/core';
import { invalidCredentials } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { findCredentials } from '../repositories/users.js';
import {
  clearThrottle,
  findThrottles,
  lockThrottleKey,
  saveThrottle,
} from '../repositories/login-throttle.js';
import { serverSecret } from '../repositories/server-secrets.js';
import { mintDeviceToken, verifyDeviceToken } from './device-token.js';
import { purgeExpiredThrottles, throttleKey, tooManyAttempts } from './attempt-throttle.js';
import type { ServiceDeps } from './deps.js';

/** Who is making a password attempt, as far as the request tells. */
export interface AttemptContext {
  /** The client's address, for the per-address limit. */
  address: string;
  /** The device cookie the browser sent, if any. */
  device?: string | undefined;
}

export const accountThrottleKey = (email: string) => throttleKey('account', email).key;

/** How a refusal starts: log-ins and checks of the current password are told apart. */
export type AttemptKind = 'login' | 'confirm';
const REFUSAL: Record<AttemptKind, string> = {
  login: 'Too many failed log-ins.',
  confirm: 'Too many wrong passwords.',
};

/**
 * Every check of a password (log-in, password change, account deletion) and every sign-up goes
 * through here. Limits, all kept in the database so every server process enforces them:
 * - per address: ADDRESS_BACKOFF for passwords, SIGNUP_BACKOFF for sign-ups;
 * - per account, for browsers the account has not logged in from: ACCOUNT_BACKOFF;
 * - per known device (a signed device cookie): ACCOUNT_BACKOFF, counted for that device alone,
 *   so a stranger's failures never lock the user out of their own browser.
 * A refused attempt stores nothing, and expired counts are purged at every attempt.
 */
export function passwordAttempts(deps: ServiceDeps) {
  const { db, clock, hasher } = deps;
  const signupPolicy = deps.signupPolicy ?? SIGNUP_BACKOFF;
  // Hashed once so that an unknown email costs the same as a wrong password.
  const dummyHash = hasher.hash('not-a-real-password-for-timing');
  let secret: Promise<Buffer> | undefined;
  const deviceSecret = () =>
    (secret ??= serverSecret(db, 'device-cookie').catch((err: unknown) => {
      secret = undefined;
      throw err;
    }));

  return {
    /**
     * Checks `password` for the account `email` under the limits; when right, runs `then` in the
     * same transaction and returns its value with the device token to hand the browser.
     */
    async verify<T>(
      email: string,
      password: string,
      context: AttemptContext,
      kind: AttemptKind,
      then: (tx: Queryable, user: User) => Promise<T>,
    ): Promise<{ value: T; device: string }> {
      const key = await deviceSecret();
      const account = throttleKey('account', email);
      const address = throttleKey('address', context.address).key;
      const outcome = await db.transaction(async (tx) => {
        // Parallel guesses at one account queue here instead of all slipping past the count.
        await lockThrottleKey(tx, account.lockId);
        const now = clock.now();
        await purgeExpiredThrottles(tx, now);
        const credentials = await findCredentials(tx, email);
        const user = credentials?.user;
        const nonce = user && context.device ? verifyDeviceToken(key, context.device, user.id) : undefined;
        const own = nonce ? throttleKey('device', nonce).key : account.key;
        const rows = await findThrottles(tx, [own, address]);
        const wait = Math.max(secondsLocked(rows.get(own), now), secondsLocked(rows.get(address), now));
        if (wait > 0) return { kind: 'locked' as const, wait };
        const ok = await hasher.verify(credentials?.passwordHash ?? (await dummyHash), password);
        if (!user || !ok) {
          // A device's count is the user's and goes with the account; the count of failures at
          // the account from elsewhere is anyone's doing, and is deleted by its key instead.
          await saveThrottle(
            tx,
            own,
            recordFailure(ACCOUNT_BACKOFF, rows.get(own), now),
            nonce ? user?.id : undefined,
          );
          await saveThrottle(tx, address, recordFailure(ADDRESS_BACKOFF, rows.get(address), now));
          return { kind: 'failed' as const };
        }
        await clearThrottle(tx, own);
        const value = await then(tx, user);
        return {
          kind: 'ok' as const,
          value,
          device: nonce ? context.device! : mintDeviceToken(key, user.id),
        };
      });
      switch (outcome.kind) {
        case 'locked':
          throw tooManyAttempts(outcome.wait, REFUSAL[kind]);
        case 'failed':
          throw invalidCredentials();
        case 'ok':
          return { value: outcome.value, device: outcome.device };
      }
    },

    /** Counts a sign-up from `address`, or refuses it (storing nothing) when there were too many. */
    async countSignup(address: string): Promise<void> {
      const signup = throttleKey('signup', address);
      const wait = await db.transaction(async (tx) => {
        await lockThrottleKey(tx, signup.lockId);
        const now = clock.now();
        await purgeExpiredThrottles(tx, now);
        const previous = (await findThrottles(tx, [signup.key])).get(signup.key);
        const locked = secondsLocked(previous, now);
        if (locked === 0) await saveThrottle(tx, signup.key, recordFailure(signupPolicy, previous, now));
        return locked;
      });
      if (wait > 0) throw tooManyAttempts(wait, 'Too many new accounts from this network.');
    },

    /** A device token for a user who just signed up on this browser. */
    async newDevice(userId: string): Promise<string> {
      return mintDeviceToken(await deviceSecret(), userId);
    },
  };
}

export type PasswordAttempts = ReturnType<typeof passwordAttempts>;
