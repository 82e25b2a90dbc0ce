import { z } from 'zod';

/**
 * Zod schemas of the sitting coach: the user's break settings (stored on the server, edited in
 * the web app) and the events the scheduler records for statistics (POSTed by the browser).
 * Defaults and bounds live here, once; the scheduler trusts a parsed config.
 */

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight of an `HH:MM` clock time ("24:00" = end of the day). */
export function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export const clockTimeSchema = z.string().regex(HHMM, 'must be a time as HH:MM (00:00 to 24:00)');

export const workingRangeSchema = z
  .strictObject({ from: clockTimeSchema, to: clockTimeSchema })
  // Ranges over midnight would make "which day is this range on" ambiguous; split them in two.
  .refine((r) => clockMinutes(r.from) < clockMinutes(r.to), {
    message: 'to must be after from (split ranges over midnight in two)',
    path: ['to'],
  });
export type WorkingRange = z.infer<typeof workingRangeSchema>;

export const workingHoursSchema = z.strictObject({
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  days: z
    .array(z.int().min(1, 'days are 1 (Monday) to 7 (Sunday)').max(7, 'days are 1 (Monday) to 7 (Sunday)'))
    .min(1, 'choose at least one day')
    .max(7)
    .refine((d) => new Set(d).size === d.length, 'days must not repeat'),
  /** Several ranges per day, e.g. a lunch gap (BreakTimer #128). Same ranges on every chosen day. */
  ranges: z.array(workingRangeSchema).min(1, 'add at least one range').max(6),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

/** The longest walking break the settings allow. */
export const LONGEST_BREAK_MINUTES = 30;

export const breakSettingsSchema = z
  .strictObject({
    /** Off: no reminders at all (the coach neither counts nor nudges) until turned on again. */
    enabled: z.boolean().default(true),
    /** Minutes of work (time at the computer) before a walking break. */
    workMinutes: z.int().min(5).max(120).default(30),
    /** Length of the walking break, and the least time away that counts as a natural break. */
    breakMinutes: z.int().min(1).max(LONGEST_BREAK_MINUTES).default(3),
    /**
     * No input for this long means "away". Shorter quiet spells (reading, thinking, a call) are
     * still work. 60 s is the Idle Detection API's own minimum.
     */
    idleThresholdSeconds: z.int().min(60).max(1800).default(180),
    /** After coming back (or the start of working hours), no break fires for this long. */
    graceMinutes: z.int().min(0).max(15).default(2),
    micro: z
      .strictObject({
        enabled: z.boolean().default(false),
        everyMinutes: z.int().min(5).max(60).default(10),
        seconds: z.int().min(10).max(120).default(20),
      })
      .prefault({}),
    sitStand: z
      .strictObject({
        enabled: z.boolean().default(false),
        sitMinutes: z.int().min(10).max(120).default(30),
        standMinutes: z.int().min(5).max(120).default(30),
      })
      .prefault({}),
    /** Walking-break skips allowed per local day (micro breaks are not counted). */
    skipsPerDay: z.int().min(0).max(20).default(3),
    /** How often one break may be postponed before it must be taken or skipped. */
    postponesPerBreak: z.int().min(0).max(5).default(2),
    /** Strict: no skip, no postpone, no ending a break early. Pausing ahead of time still works. */
    strict: z.boolean().default(false),
    /** null = every day, all day. */
    workingHours: workingHoursSchema.nullable().default(null),
    /** "Pause until tomorrow" ends at this local time when no working hours are set. */
    tomorrowStartsAt: clockTimeSchema.default('06:00'),
  })
  .refine((s) => s.breakMinutes < s.workMinutes, {
    message: 'the break must be shorter than the work interval',
    path: ['breakMinutes'],
  });
export type BreakSettings = z.infer<typeof breakSettingsSchema>;
/** What a client may send: every field optional, defaults filled in by the schema. */
export type BreakSettingsInput = z.input<typeof breakSettingsSchema>;

// ---------- stored events ----------

/** Epoch milliseconds, within what `Date` can represent. */
const epochMs = z.int().min(0).max(8_640_000_000_000_000);
export const breakKindSchema = z.enum(['walk', 'micro']);
export const postureSchema = z.enum(['sitting', 'standing']);

/**
 * Every transition of the scheduler, as stored for statistics. `at` is when the transition
 * happened in the world, which may be earlier than when the scheduler learned of it (an absence is
 * dated from the last input, not from when the idle threshold ran out).
 */
export const storedBreakEventSchema = z.discriminatedUnion('type', [
  /** The user is at the computer again (first input after an absence, or of the session). */
  z.strictObject({ type: z.literal('present'), at: epochMs }),
  /** The user left (last input before a long enough quiet spell, or a screen lock). */
  z.strictObject({ type: z.literal('away'), at: epochMs, locked: z.boolean() }),
  /** Away at least the break length: counted as a break taken; the work timer restarted. */
  z.strictObject({ type: z.literal('natural-break'), at: epochMs, creditedAt: epochMs }),
  z.strictObject({
    type: z.literal('break-started'),
    at: epochMs,
    kind: breakKindSchema,
    endsAt: epochMs,
    cause: z.enum(['scheduled', 'postponed', 'manual']),
  }),
  z.strictObject({
    type: z.literal('break-ended'),
    at: epochMs,
    kind: breakKindSchema,
    startedAt: epochMs,
    /** ignored = the user kept working through the break screen. */
    outcome: z.enum(['taken', 'ended-early', 'ignored']),
  }),
  z.strictObject({
    type: z.literal('break-postponed'),
    at: epochMs,
    kind: breakKindSchema,
    minutes: z.union([z.literal(2), z.literal(5)]),
  }),
  z.strictObject({
    type: z.literal('break-skipped'),
    at: epochMs,
    kind: breakKindSchema,
    reason: z.enum(['user', 'pause']),
  }),
  z.strictObject({ type: z.literal('posture-due'), at: epochMs, kind: z.enum(['stand', 'sit']) }),
  z.strictObject({ type: z.literal('posture'), at: epochMs, posture: postureSchema }),
  z.strictObject({ type: z.literal('paused'), at: epochMs, until: epochMs }),
  z.strictObject({ type: z.literal('resumed'), at: epochMs, auto: z.boolean() }),
  z.strictObject({ type: z.literal('hours-start'), at: epochMs }),
  z.strictObject({ type: z.literal('hours-end'), at: epochMs }),
]);
export type StoredBreakEvent = z.infer<typeof storedBreakEventSchema>;
export type StoredBreakEventType = StoredBreakEvent['type'];

/** The body the browser POSTs: a batch, so a tab that was asleep can catch up in one request. */
export const breakEventsBody = z.strictObject({
  events: z
    .array(storedBreakEventSchema)
    .min(1, 'send at least one event')
    .max(500, 'send at most 500 events'),
});
export type BreakEventsBody = z.infer<typeof breakEventsBody>;

/**
 * A stable key for one stored event, for de-duplication on the server: the scheduler never
 * records two events of the same type at the same millisecond.
 */
export function storedEventKey(e: StoredBreakEvent): string {
  return `${e.at}:${e.type}`;
}
