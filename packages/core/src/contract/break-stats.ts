import { z } from 'zod';
import { localDateSchema } from './common.js';
import { daysBetween } from '../breaks/days.js';
import { breakSettingsSchema, storedBreakEventSchema } from './breaks.js';

/**
 * The HTTP contract of the sitting coach beyond the settings and event schemas in breaks.ts:
 * query bounds and the response shapes the web client parses.
 */

/** The longest range of statistics one request may ask for. */
export const MAX_BREAK_STATS_DAYS = 371;

/** GET /api/break-stats: either an explicit range, or `weeks` whole weeks ending with today's. */
export const breakStatsQuery = z
  .strictObject({
    from: localDateSchema.optional(),
    to: localDateSchema.optional(),
    weeks: z.coerce
      .number()
      .int()
      .min(1, 'weeks must be 1 to 52')
      .max(52, 'weeks must be 1 to 52')
      .optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: 'give both from and to, or neither',
    path: ['from'],
  })
  .refine((q) => !(q.from !== undefined && q.weeks !== undefined), {
    message: 'give either from and to, or weeks',
    path: ['weeks'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
  .refine(
    (q) => q.from === undefined || q.to === undefined || daysBetween(q.from, q.to) < MAX_BREAK_STATS_DAYS,
    {
      message: `ask for at most ${MAX_BREAK_STATS_DAYS}\u00a0days at a time`,
      path: ['from'],
    },
  );
export type BreakStatsQuery = z.infer<typeof breakStatsQuery>;

/** GET /api/break-events: the stored events themselves (for export and checking), a bounded range. */
export const breakEventsQuery = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => daysBetween(q.from, q.to) < MAX_BREAK_STATS_DAYS, {
    message: `ask for at most ${MAX_BREAK_STATS_DAYS}\u00a0days at a time`,
    path: ['from'],
  });

export const breakSettingsResponse = z.object({
  settings: breakSettingsSchema,
  /** false: nothing saved yet, these are the defaults. */
  saved: z.boolean(),
});
export type BreakSettingsResponse = z.infer<typeof breakSettingsResponse>;

export const breakEventsResponse = z.object({
  /** Events stored by this request. */
  stored: z.number().int(),
  /** Events already stored by an earlier (retried) request: ignored. */
  duplicates: z.number().int(),
});
export type BreakEventsResponse = z.infer<typeof breakEventsResponse>;

export const storedBreakEventsResponse = z.object({ events: z.array(storedBreakEventSchema) });

const counts = z.object({
  taken: z.number(),
  endedEarly: z.number(),
  ignored: z.number(),
  skipped: z.number(),
  postponed: z.number(),
});
export const dailyBreakStatsSchema = z.object({
  date: z.string(),
  activeMs: z.number(),
  sittingMs: z.number(),
  standingMs: z.number(),
  longestSittingMs: z.number(),
  walk: counts,
  micro: counts,
  naturalBreaks: z.number(),
});
export const weeklyBreakStatsSchema = z.object({
  weekStart: z.string(),
  sittingMs: z.number(),
  activeDays: z.number(),
  avgSittingMsPerActiveDay: z.number(),
  longestSittingMs: z.number(),
  walkTaken: z.number(),
  walkSkipped: z.number(),
  walkPostponed: z.number(),
  naturalBreaks: z.number(),
});
export const breakStatsResponse = z.object({
  /** The user's date now, in their zone. */
  today: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(dailyBreakStatsSchema),
  /** Whole ISO weeks (Monday first) covering from..to. */
  weeks: z.array(weeklyBreakStatsSchema),
  /** Walking breaks taken today (scheduled ones taken plus natural breaks) and today's goal. */
  walkingBreaksToday: z.object({ taken: z.number(), goal: z.number() }),
});
export type BreakStatsResponse = z.infer<typeof breakStatsResponse>;
