import { createHash } from 'node:crypto';
import type { LoginBody, SignupBody, User } from '@hipwise/core';
import { AppError } from '../errors.js';
import type { Queryable } from '../db/database.js';
import { readInstanceSettings } from '../repositories/instance-settings.js';
import { insertUser } from '../repositories/users.js';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  insertSession,
} from '../repositories/sessions.js';
import type { ServiceDeps } from './deps.js';
import { invitationRequired, takeInvitationForSignup } from './invitation-service.js';
import { passwordAttempts, type AttemptContext } from './password-attempts.js';
import type { PasswordPolicy } from './password-policy.js';

export const SESSION_DAYS = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  user: User;
  token: string;
  expiresAt: Date;
  /** The device cookie for this browser, so that others' failures cannot lock it out. */
  device: string;
}

export interface LoginContext extends AttemptContext {
  /** A session the client already holds: replaced, so a planted session id dies at log-in. */
  previousToken?: string | undefined;
}

export interface AuthOptions {
  passwords: PasswordPolicy;
  /** Sign-up with a taken email does not say that it is taken. */
  hideAccountExistence: boolean;
}

export function authService(deps: ServiceDeps, options: AuthOptions) {
  const { db, clock, hasher } = deps;
  const attempts = passwordAttempts(deps);

  async function startSession(q: Queryable, user: User, previousToken?: string) {
    const token = deps.newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    if (previousToken) await deleteSession(q, hashToken(previousToken));
    await deleteExpiredSessions(q, user.id, now);
    await insertSession(q, { tokenHash: hashToken(token), userId: user.id, now, expiresAt });
    return { user, token, expiresAt };
  }

  return {
    /** A new session for a user someone else vouched for (single sign-on), inside the caller's transaction. */
    startSession,

    /** This browser's device cookie for the user (see passwordAttempts). */
    newDevice: (userId: string) => attempts.newDevice(userId),

    async signup(body: SignupBody, context: AttemptContext): Promise<NewSession> {
      const { signupPolicy } = await readInstanceSettings(db);
      if (signupPolicy === 'sso_only') {
        throw new AppError(
          'forbidden',
          'signup_sso_only',
          "This hipwise makes new accounts through your organisation's single sign-on only.",
        );
      }
      if (signupPolicy === 'invitation' && body.invitation === undefined) throw invitationRequired();
      await options.passwords.check(body.password, 'password');
      await attempts.countSignup(context.address);
      const passwordHash = await hasher.hash(body.password);
      const session = await db.transaction(async (tx) => {
        const user = await insertUser(tx, {
          email: body.email,
          passwordHash,
          timeZone: body.timeZone,
          now: clock.now(),
        });
        if (!user) {
          throw options.hideAccountExistence
            ? new AppError(
                'conflict',
                'signup_refused',
                'An account could not be made with these details. If you already have one, log in instead.',
              )
            : new AppError(
                'conflict',
                'email_taken',
                'An account with this email already exists. Log in instead.',
                {
                  email: 'is already registered',
                },
              );
        }
        if (signupPolicy === 'invitation') {
          await takeInvitationForSignup(tx, body.invitation, user.id, clock.now());
        }
        return startSession(tx, user);
      });
      return { ...session, device: await attempts.newDevice(session.user.id) };
    },

    /** A password check under the throttle (see passwordAttempts), then a new session. */
    async login(body: LoginBody, context: LoginContext): Promise<NewSession> {
      const { value, device } = await attempts.verify(
        body.email,
        body.password,
        context,
        'login',
        async (tx, user) => {
          // Checked after the password, so the refusal tells nothing to someone without it.
          // Admins keep local sign-in, so that nobody can lock the instance out of its settings.
          if (user.role !== 'admin' && !(await readInstanceSettings(tx)).localSignIn) {
            throw new AppError(
              'forbidden',
              'local_sign_in_off',
              "Sign in with your organisation's single sign-on: this hipwise no longer takes local passwords.",
            );
          }
          return startSession(tx, user, context.previousToken);
        },
      );
      return { ...value, device };
    },

    /** The user's own password, checked under the same throttle as a log-in. */
    async confirmPassword(user: User, password: string, context: AttemptContext): Promise<void> {
      await attempts.verify(user.email, password, context, 'confirm', async () => {});
    },

    async logout(token: string): Promise<void> {
      await deleteSession(db, hashToken(token));
    },

    /** Ends every session of the user, on every device, this one included. */
    async logoutEverywhere(userId: string): Promise<void> {
      await deleteUserSessions(db, userId);
    },

    /** The user behind a session cookie, or undefined when it is unknown or expired. */
    async authenticate(token: string): Promise<User | undefined> {
      return findSessionUser(db, hashToken(token), clock.now());
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
