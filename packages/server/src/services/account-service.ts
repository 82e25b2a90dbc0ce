import {
  instantsInZone,
  isoInZone,
  type ChangePasswordBody,
  type SettingsBody,
  type StoredBreakEvent,
  type User,
} from '@hipwise/core';
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
import { deleteUser, updatePasswordHash, updateTimeZone } from '../repositories/users.js';
import { clearThrottle } from '../repositories/login-throttle.js';
import { userIdentities } from '../repositories/user-identities.js';
import { hashToken, type AuthService } from './auth-service.js';
import type { ServiceDeps } from './deps.js';
import { accountThrottleKey, type AttemptContext } from './password-attempts.js';
import type { PasswordPolicy } from './password-policy.js';
import { memberAuditAll } from '../repositories/audit-pages.js';
import { consentHistory, programmeChangesOfMember } from '../repositories/member-consents.js';

export const EXPORT_FORMAT = 'hipwise-export';
/** 2: every time is ISO 8601 with the user's offset (break events were epoch milliseconds). */
export const EXPORT_VERSION = 2;

export function accountService(
  { db, clock, hasher }: ServiceDeps,
  { auth, passwords, log }: { auth: AuthService; passwords: PasswordPolicy; log: Logger },
) {
  return {
    async updateSettings(user: User, body: SettingsBody): Promise<User> {
      const updated = await updateTimeZone(db, user.id, body.timeZone);
      if (!updated) throw new AppError('not_found', 'user_not_found', 'This account no longer exists.');
      return updated;
    },

    /** Changes the password and ends every other session, so a thief's session dies with the old password. */
    async changePassword(
      user: User,
      sessionToken: string,
      body: ChangePasswordBody,
      context: AttemptContext,
    ): Promise<void> {
      await passwords.check(body.newPassword, 'newPassword');
      await auth.confirmPassword(user, body.currentPassword, context);
      const passwordHash = await hasher.hash(body.newPassword);
      await db.transaction(async (tx) => {
        await updatePasswordHash(tx, user.id, passwordHash);
        await deleteOtherSessions(tx, user.id, hashToken(sessionToken));
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
     * kept under its email here), and then the bytes they leave in the database files.
     */
    async deleteAccount(user: User, password: string, context: AttemptContext): Promise<void> {
      await auth.confirmPassword(user, password, context);
      await db.transaction(async (tx) => {
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
