import {
  addDays,
  breakSettingsSchema,
  checkBreakEventTimes,
  dailySeries,
  localDate,
  startOfLocalDay,
  storedEventKey,
  walkingBreakGoal,
  walkingBreaksTaken,
  weeklySeries,
  weekStartOf,
  type BreakEventsResponse,
  type User,
  type BreakSettings,
  type BreakSettingsInput,
  type BreakSettingsResponse,
  type BreakStatsQuery,
  type BreakStatsResponse,
  type LocalDate,
  type StoredBreakEvent,
} from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { breakEventsBetween, insertBreakEvents } from '../repositories/break-events.js';
import { findBreakSettings, saveBreakSettings } from '../repositories/break-settings.js';
import { findUserById } from '../repositories/users.js';
import type { ServiceDeps } from './deps.js';

/** Weeks of statistics when the client names no range. */
export const DEFAULT_STATS_WEEKS = 8;
/**
 * Events this long before a range are read too, so a day starts in the right state (present,
 * standing) when the state was set the day before. A state older than that is taken as ended.
 */
const LOOKBACK_DAYS = 3;

async function settingsOf(
  q: Queryable,
  userId: string,
): Promise<{ settings: BreakSettings; saved: boolean }> {
  const stored = await findBreakSettings(q, userId);
  if (stored === undefined) return { settings: breakSettingsSchema.parse({}), saved: false };
  // Parsing again fills defaults for fields added since they were saved.
  const parsed = breakSettingsSchema.safeParse(stored);
  return parsed.success
    ? { settings: parsed.data, saved: true }
    : { settings: breakSettingsSchema.parse({}), saved: false };
}

async function eventsForDays(q: Queryable, userId: string, timeZone: string, from: LocalDate, to: LocalDate) {
  const fromMs = startOfLocalDay(addDays(from, -LOOKBACK_DAYS), timeZone);
  const toMs = startOfLocalDay(addDays(to, 1), timeZone);
  return breakEventsBetween(q, userId, fromMs, toMs);
}

async function walkingBreaks(q: Queryable, userId: string, timeZone: string, date: LocalDate) {
  // One after the other: `q` may be a transaction, which runs one query at a time anyway.
  const { settings } = await settingsOf(q, userId);
  const events = await eventsForDays(q, userId, timeZone, date, date);
  // Counts only: no "as of" needed, and breaks never lie in the future.
  const [day] = dailySeries(events, timeZone, date, date);
  return { taken: day ? walkingBreaksTaken(day) : 0, goal: walkingBreakGoal(settings, date) };
}

/**
 * Sitting minutes and walking breaks per local day, for insights. Days on which the coach
 * recorded nothing are left out: no record is not the same as no sitting.
 */
export async function sittingDays(q: Queryable, userId: string, from: LocalDate, to: LocalDate, now: Date) {
  const user = await findUserById(q, userId);
  if (!user) return [];
  const events = await eventsForDays(q, userId, user.timeZone, from, to);
  return dailySeries(events, user.timeZone, from, to, { asOf: now.getTime() })
    .filter((d) => d.activeMs > 0 || walkingBreaksTaken(d) > 0)
    .map((d) => ({
      date: d.date,
      sittingMinutes: Math.round(d.sittingMs / 60_000),
      breaksTaken: walkingBreaksTaken(d),
    }));
}

/**
 * For the programme's daily plan: walking breaks taken on the user's `date` (taken on the break
 * screen plus natural breaks) and the day's goal from their settings. Usable inside the caller's
 * transaction.
 */
export async function walkingBreaksOn(
  q: Queryable,
  userId: string,
  date: LocalDate,
): Promise<{ taken: number; goal: number }> {
  const user = await findUserById(q, userId);
  if (!user) throw new AppError('not_found', 'user_not_found', 'There is no such user.');
  return walkingBreaks(q, userId, user.timeZone, date);
}

export function breakService({ db, clock }: ServiceDeps) {
  return {
    settings: (userId: string): Promise<BreakSettingsResponse> => settingsOf(db, userId),

    async saveSettings(userId: string, input: BreakSettingsInput): Promise<BreakSettingsResponse> {
      const settings = breakSettingsSchema.parse(input);
      await saveBreakSettings(db, { userId, settings, now: clock.now() });
      return { settings, saved: true };
    },

    /**
     * Stores a batch of scheduler events. Each event's identity is its time and type (the
     * scheduler never records two of a type in one millisecond), so a retried batch, or one that
     * overlaps an earlier one, stores every event once. No Idempotency-Key is needed. A batch with
     * a time out of bounds (`checkBreakEventTimes`) is refused whole: one statement stores it or
     * nothing.
     */
    async recordEvents(user: User, events: readonly StoredBreakEvent[]): Promise<BreakEventsResponse> {
      const now = clock.now();
      const check = checkBreakEventTimes(events, now, new Date(user.createdAt), user.timeZone);
      if (!check.ok) {
        throw new AppError('validation', check.code, check.message, { [check.field]: check.fieldMessage });
      }
      const unique = new Map<string, StoredBreakEvent>();
      for (const e of events) if (!unique.has(storedEventKey(e))) unique.set(storedEventKey(e), e);
      const stored = await insertBreakEvents(db, { userId: user.id, events: [...unique.values()], now });
      return { stored, duplicates: events.length - stored };
    },

    async eventsBetween(user: User, from: LocalDate, to: LocalDate): Promise<StoredBreakEvent[]> {
      return breakEventsBetween(
        db,
        user.id,
        startOfLocalDay(from, user.timeZone),
        startOfLocalDay(addDays(to, 1), user.timeZone),
      );
    },

    /** Daily and weekly statistics in the user's zone; open spans end now. */
    async stats(user: User, query: BreakStatsQuery): Promise<BreakStatsResponse> {
      const now = clock.now();
      const tz = user.timeZone;
      const today = localDate(now, tz);
      let from: LocalDate;
      let to: LocalDate;
      if (query.from !== undefined && query.to !== undefined) {
        from = query.from;
        to = query.to;
      } else {
        to = today;
        from = addDays(weekStartOf(today), -7 * ((query.weeks ?? DEFAULT_STATS_WEEKS) - 1));
      }
      const firstWeek = weekStartOf(from);
      const lastWeek = weekStartOf(to);
      const weekCount = Math.round((Date.parse(lastWeek) - Date.parse(firstWeek)) / (7 * 86_400_000)) + 1;
      const rangeEnd = addDays(lastWeek, 6);
      const [events, walkingBreaksToday] = await Promise.all([
        eventsForDays(db, user.id, tz, firstWeek, rangeEnd > today ? rangeEnd : today),
        walkingBreaks(db, user.id, tz, today),
      ]);
      const options = { asOf: now.getTime() };
      return {
        today,
        timeZone: tz,
        from,
        to,
        days: dailySeries(events, tz, from, to, options),
        weeks: weeklySeries(events, tz, firstWeek, weekCount, options),
        walkingBreaksToday,
      };
    },

    /** See `walkingBreaksOn` above. */
    walkingBreaksOn: (userId: string, date: LocalDate) => walkingBreaksOn(db, userId, date),
  };
}

export type BreakService = ReturnType<typeof breakService>;
