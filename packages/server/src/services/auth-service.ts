import { createHash } from 'node:crypto';
import type { LoginBody, SignupBody, User } from '@hipwise/core';
import { AppError, invalidCredentials } from '../errors.js';
import { findUserByEmail, insertUser, publicUser, type UserWithHash } from '../repositories/users.js';
import { deleteExpiredSessions, deleteSession, findSessionUser, insertSession } from '../repositories/sessions.js';
import type { ServiceDeps } from './deps.js';

export const SESSION_DAYS = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  user: User;
  token: string;
  expiresAt: Date;
}

export function authService(deps: ServiceDeps) {
  const { db, clock, hasher } = deps;
  // Hashed once so that a login for an unknown email costs the same as a wrong password.
  const dummyHash = hasher.hash('not-a-real-password-for-timing');

  async function startSession(user: UserWithHash): Promise<NewSession> {
    const token = deps.newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await db.transaction(async (tx) => {
      await deleteExpiredSessions(tx, user.id, now);
      await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, now, expiresAt });
    });
    return { user: publicUser(user), token, expiresAt };
  }

  return {
    startSession,

    async signup(body: SignupBody): Promise<NewSession> {
      const passwordHash = await hasher.hash(body.password);
      const user = await insertUser(db, { email: body.email, passwordHash, timeZone: body.timeZone, now: clock.now() });
      if (!user) {
        throw new AppError('conflict', 'email_taken', 'An account with this email already exists. Log in instead.', {
          email: 'is already registered',
        });
      }
      return startSession(user);
    },

    async login(body: LoginBody): Promise<NewSession> {
      const user = await findUserByEmail(db, body.email);
      const ok = await hasher.verify(user?.passwordHash ?? (await dummyHash), body.password);
      if (!user || !ok) throw invalidCredentials();
      return startSession(user);
    },

    async logout(token: string): Promise<void> {
      await deleteSession(db, hashToken(token));
    },

    /** The user behind a session cookie, or undefined when it is unknown or expired. */
    async authenticate(token: string): Promise<UserWithHash | undefined> {
      return findSessionUser(db, hashToken(token), clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
