import {
  instantsInZone,
  isoInZone,
  type AccountAccess,
  type ChangePasswordBody,
  type DeleteAccountBody,
  type ReauthIntent,
  type SettingsBody,
  type StoredBreakEvent,
  type User,
} from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { allCheckins } from '../repositories/checkins.js';
import { findBaseline } from '../repositories/baselines.js';
import { allScreenings } from '../repositories/screenings.js';
import { allClearances } from '../repositories/clearances.js';
import { deleteOtherSessions } from '../repositories/sessions.js';
import { listResponses } from '../repositories/questionnaire-responses.js';
import { allStressSessions } from '../repositories/stress-sessions.js';
import { allReflections } from '../repositories/reflections.js';
import { allExerciseSessions } from '../repositories/exercise-sessions.js';
import { lessonReads } from '../repositories/lesson-reads.js';
import { findProgramPrefs } from '../repositories/program-prefs.js';
import { allBreakEvents } from '../repositories/break-events.js';
import { findBreakSettings } from '../repositories/break-settings.js';
import { deleteUser, hasPassword, updatePasswordHash, updateTimeZone } from '../repositories/users.js';
import { readInstanceSettings } from '../repositories/instance-settings.js';
import { clearThrottle } from '../repositories/login-throttle.js';
import { userIdentities } from '../repositories/user-identities.js';
import { hashToken, type AuthService } from './auth-service.js';
import type { ServiceDeps } from './deps.js';
import { accountThrottleKey, type AttemptContext } from './password-attempts.js';
import type { PasswordPolicy } from './password-policy.js';
import type { ReauthProofs } from './reauth.js';
import { appendAudit } from '../repositories/audit-log.js';
import { memberAuditAll } from '../repositories/audit-pages.js';
import { consentHistory, programmeChangesOfMember } from '../repositories/member-consents.js';

export const EXPORT_FORMAT = 'hipwise-export';
/** 2: every time is ISO 8601 with the user's offset (break events were epoch milliseconds). */
export const EXPORT_VERSION = 2;

/** A password the account has, given where the form asks for it. */
function required(password: string | undefined, field: string): string {
  if (password === undefined) {
    throw new AppError('validation', 'password_required', 'Enter your password.', { [field]: 'is required' });
  }
  return password;
}

/**
 * Proof that it is the account's person asking before something that cannot be taken back: the
 * password for an account that has one, else a fresh sign-in at its provider (`proof`, see reauth.ts).
 */
export interface Confirmation {
  password: string | undefined;
  passwordField: string;
  proof: string | undefined;
  sessionToken: string;
  context: AttemptContext;
}

export function accountService(
  { db, clock, hasher }: ServiceDeps,
  {
    auth,
    passwords,
    reauth,
    log,
  }: { auth: AuthService; passwords: PasswordPolicy; reauth: ReauthProofs; log: Logger },
) {
  /**
   * Checks the password now, or returns the check to run inside the action's transaction (a proof
   * is spent there, so an action that fails leaves it unused).
   */
  async function confirm(
    user: User,
    withPassword: boolean,
    c: Confirmation,
    intent: ReauthIntent,
  ): Promise<(tx: Queryable) => Promise<void>> {
    if (withPassword) {
      await auth.confirmPassword(user, required(c.password, c.passwordField), c.context);
      return async () => {};
    }
    return (tx) => reauth.spend(tx, c.proof, user, c.sessionToken, intent);
  }

  /** Whether the account may sign in with a password here (admins keep it when it is off). */
  const localSignIn = async (user: User) =>
    user.role === 'admin' || (await readInstanceSettings(db)).localSignIn;

  return {
    /** How the account signs in, for Settings to offer the right way to confirm. */
    async access(user: User): Promise<AccountAccess> {
      const linked = await reauth.linked(db, user.id);
      return {
        hasPassword: await hasPassword(db, user.id),
        provider: linked && reauth.provider ? { name: reauth.provider.name } : null,
        localSignIn: await localSignIn(user),
      };
    },

    async updateSettings(user: User, body: SettingsBody): Promise<User> {
      const updated = await updateTimeZone(db, user.id, body.timeZone);
      if (!updated) throw new AppError('not_found', 'user_not_found', 'This account no longer exists.');
      return updated;
    },

    /**
     * Changes the password (or sets the first one of an account made through single sign-on) and
     * ends every other session, so a thief's session dies with the old password. Either is a line
     * in the member's audit trail: a new way into the account, from that address.
     */
    async changePassword(
      user: User,
      body: ChangePasswordBody,
      c: Omit<Confirmation, 'password' | 'passwordField'>,
    ): Promise<void> {
      await passwords.check(body.newPassword, 'newPassword');
      const withPassword = await hasPassword(db, user.id);
      if (!withPassword && !(await localSignIn(user))) {
        throw new AppError(
          'forbidden',
          'local_sign_in_off',
          'This hipwise does not take local passwords: you sign in through single sign-on, and your password is managed there.',
        );
      }
      const confirmed = await confirm(
        user,
        withPassword,
        { ...c, password: body.currentPassword, passwordField: 'currentPassword' },
        'password',
      );
      const passwordHash = await hasher.hash(body.newPassword);
      await db.transaction(async (tx) => {
        await confirmed(tx);
        await updatePasswordHash(tx, user.id, passwordHash);
        await deleteOtherSessions(tx, user.id, hashToken(c.sessionToken));
        await appendAudit(tx, {
          memberId: user.id,
          actor: { id: user.id, email: user.email, role: user.role },
          action: withPassword ? 'password.change' : 'password.set',
          clientAddress: c.context.address,
          at: clock.now(),
        });
      });
    },

    /**
     * Everything stored about the user, in one consistent read, with every time written in the
     * user's zone with its offset.
     */
    async exportAll(user: User) {
      const all = await db.transaction(async (tx) => {
        // One after the other: a transaction runs one query at a time anyway.
        const screenings = await allScreenings(tx, user.id);
        const clinicianClearances = await allClearances(tx, user.id);
        const baseline = await findBaseline(tx, user.id);
        const checkins = await allCheckins(tx, user.id);
        const questionnaireResponses = await listResponses(tx, user.id, { includeDrafts: true });
        const stressSessions = await allStressSessions(tx, user.id);
        const stressReflections = await allReflections(tx, user.id);
        const lessonsRead = await lessonReads(tx, user.id);
        const exerciseSessions = await allExerciseSessions(tx, user.id);
        const programPrefs = await findProgramPrefs(tx, user.id);
        const breakSettings = (await findBreakSettings(tx, user.id)) ?? null;
        const breakEvents = (await allBreakEvents(tx, user.id)).map((e) =>
          eventTimesInZone(e, user.timeZone),
        );
        // The sign-ins at OpenID Providers that open this account (issuer and subject).
        const linkedSignIns = await userIdentities(tx, user.id);
        return {
          format: EXPORT_FORMAT,
          version: EXPORT_VERSION,
          exportedAt: clock.now().toISOString(),
          account: user,
          screenings,
          clinicianClearances,
          baseline,
          checkins,
          questionnaireResponses,
          stressSessions,
          stressReflections,
          lessonsRead,
          exerciseSessions,
          programPrefs,
          breakSettings,
          breakEvents,
          linkedSignIns,
          consents: await consentHistory(tx, user.id),
          programmeChanges: await programmeChangesOfMember(tx, user.id),
          auditLog: await memberAuditAll(tx, user.id),
        };
      });
      // The same shape with other strings: each UTC time rewritten with the user's offset.
      return instantsInZone(all, user.timeZone) as typeof all;
    },

    /**
     * Every row about the user goes (throttle counts tied to the account by cascade, the count
     * kept under its email here), and then the bytes they leave in the database files. The
     * member's audit trail goes with them, so no line records the deletion: one naming the person
     * would outlive the erasure they asked for.
     */
    async deleteAccount(
      user: User,
      body: DeleteAccountBody,
      c: Omit<Confirmation, 'password' | 'passwordField'>,
    ): Promise<void> {
      const confirmed = await confirm(
        user,
        await hasPassword(db, user.id),
        { ...c, password: body.password, passwordField: 'password' },
        'delete',
      );
      await db.transaction(async (tx) => {
        await confirmed(tx);
        await deleteUser(tx, user.id);
        await clearThrottle(tx, accountThrottleKey(user.email));
      });
      // The account is gone either way; a failure here only leaves bytes for the next deletion to erase.
      await db
        .eraseFreedSpace?.()
        .catch((err: unknown) => log.error({ err }, 'could not erase the freed space'));
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;

const EVENT_TIMES = new Set(['at', 'creditedAt', 'endsAt', 'startedAt', 'until']);

/** A break event with its epoch-millisecond times written as ISO 8601 in the user's zone. */
function eventTimesInZone(event: StoredBreakEvent, timeZone: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(event).map(([k, v]) => [
      k,
      EVENT_TIMES.has(k) && typeof v === 'number' ? isoInZone(v, timeZone) : v,
    ]),
  );
}
