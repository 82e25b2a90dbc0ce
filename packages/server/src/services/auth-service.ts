import { createHash } from 'node:crypto';
import {
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  recordFailure,
  secondsLocked,
  type LoginBody,
  type SignupBody,
  type User,
} from '@hipwise/core';
import { AppError, invalidCredentials } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { findUserByEmail, insertUser, publicUser, type UserWithHash } from '../repositories/users.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  insertSession,
} from '../repositories/sessions.js';
import {
  clearThrottle,
  deleteStaleThrottles,
  findThrottles,
  lockThrottleKey,
  saveThrottle,
} from '../repositories/login-throttle.js';
import type { ServiceDeps } from './deps.js';

export const SESSION_DAYS = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  user: User;
  token: string;
  expiresAt: Date;
}

export interface LoginContext {
  /** The client's address, for the per-address limit. */
  address: string;
  /** A session the client already holds: replaced, so a planted session id dies at log-in. */
  previousToken?: string | undefined;
}

function tooManyAttempts(seconds: number): AppError {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    'too_many_requests',
    'too_many_attempts',
    `Too many failed log-ins. For your safety, please wait ${wait} and try again.`,
    undefined,
    seconds,
  );
}

export function authService(deps: ServiceDeps) {
  const { db, clock, hasher } = deps;
  // Hashed once so that a login for an unknown email costs the same as a wrong password.
  const dummyHash = hasher.hash('not-a-real-password-for-timing');

  async function startSession(q: Queryable, user: UserWithHash, previousToken?: string): Promise<NewSession> {
    const token = deps.newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    if (previousToken) await deleteSession(q, hashToken(previousToken));
    await deleteExpiredSessions(q, user.id, now);
    await insertSession(q, { tokenHash: hashToken(token), userId: user.id, now, expiresAt });
    return { user: publicUser(user), token, expiresAt };
  }

  return {
    async signup(body: SignupBody): Promise<NewSession> {
      const passwordHash = await hasher.hash(body.password);
      return db.transaction(async (tx) => {
        const user = await insertUser(tx, { email: body.email, passwordHash, timeZone: body.timeZone, now: clock.now() });
        if (!user) {
          throw new AppError('conflict', 'email_taken', 'An account with this email already exists. Log in instead.', {
            email: 'is already registered',
          });
        }
        return startSession(tx, user);
      });
    },

    /**
     * Checks the password under a per-account lock, so parallel guesses at one account queue up
     * behind each other instead of all slipping past the failure count together.
     */
    async login(body: LoginBody, context: LoginContext): Promise<NewSession> {
      const accountKey = `account:${body.email}`;
      const addressKey = `address:${context.address}`;
      const outcome = await db.transaction(async (tx) => {
        await lockThrottleKey(tx, accountKey);
        const now = clock.now();
        const throttles = await findThrottles(tx, [accountKey, addressKey]);
        const wait = Math.max(
          secondsLocked(throttles.get(accountKey), now),
          secondsLocked(throttles.get(addressKey), now),
        );
        if (wait > 0) return { kind: 'locked' as const, wait };
        const user = await findUserByEmail(tx, body.email);
        const ok = await hasher.verify(user?.passwordHash ?? (await dummyHash), body.password);
        if (!user || !ok) {
          await saveThrottle(tx, accountKey, recordFailure(ACCOUNT_BACKOFF, throttles.get(accountKey), now));
          await saveThrottle(tx, addressKey, recordFailure(ADDRESS_BACKOFF, throttles.get(addressKey), now));
          const forget = Math.max(ACCOUNT_BACKOFF.forgetAfterSeconds, ADDRESS_BACKOFF.forgetAfterSeconds);
          await deleteStaleThrottles(tx, new Date(now.getTime() - forget * 1000));
          return { kind: 'failed' as const };
        }
        await clearThrottle(tx, accountKey);
        return { kind: 'ok' as const, session: await startSession(tx, user, context.previousToken) };
      });
      switch (outcome.kind) {
        case 'locked':
          throw tooManyAttempts(outcome.wait);
        case 'failed':
          throw invalidCredentials();
        case 'ok':
          return outcome.session;
      }
    },

    async logout(token: string): Promise<void> {
      await deleteSession(db, hashToken(token));
    },

    /** Ends every session of the user, on every device, this one included. */
    async logoutEverywhere(userId: string): Promise<void> {
      await deleteUserSessions(db, userId);
    },

    /** The user behind a session cookie, or undefined when it is unknown or expired. */
    async authenticate(token: string): Promise<UserWithHash | undefined> {
      return findSessionUser(db, hashToken(token), clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
