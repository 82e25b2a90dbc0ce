import { z } from 'zod';
import { localDateSchema, nrs } from './common.js';
import { recordedAtSchema } from './recorded-at.js';
import { STRESS_RULE_IDS, type StressRuleId } from '../program/stress-rules.js';
import { EXHALE_RANGE, INHALE_RANGE, PACER_STEP_SECONDS, PRACTICE_MINUTES } from '../stress/pacer.js';

/**
 * HTTP contract for calm-down practice sessions and weekly reflections. A session is
 * stored when it ends, finished or stopped early: `durationSeconds` is what was actually done,
 * `plannedMinutes` what was chosen. Stress is asked before and after on the 0-10 scale of the
 * daily check-in.
 */
const halfSeconds = (range: { min: number; max: number }) =>
  z
    .number()
    .min(range.min, `must be ${range.min} to ${range.max}\u00a0seconds`)
    .max(range.max, `must be ${range.min} to ${range.max}\u00a0seconds`)
    .refine((v) => Number.isInteger(v / PACER_STEP_SECONDS), 'must be whole or half seconds');

const maxMinutes = Math.max(...PRACTICE_MINUTES);

export const stressSessionBody = z
  .strictObject({
    plannedMinutes: z
      .int()
      .min(Math.min(...PRACTICE_MINUTES), 'must be 1 to 5\u00a0minutes')
      .max(maxMinutes, 'must be 1 to 5\u00a0minutes'),
    durationSeconds: z
      .int()
      .min(1, 'must be at least 1\u00a0second')
      .max(maxMinutes * 60, `must be at most ${maxMinutes}\u00a0minutes`),
    inhaleSeconds: halfSeconds(INHALE_RANGE),
    exhaleSeconds: halfSeconds(EXHALE_RANGE),
    stressBefore: nrs,
    stressAfter: nrs,
    /** When the practice ended; the server's clock when left out. */
    recordedAt: recordedAtSchema.optional(),
  })
  .refine((b) => b.durationSeconds <= b.plannedMinutes * 60, {
    path: ['durationSeconds'],
    message: 'cannot be longer than the planned practice',
  });
export type StressSessionBody = z.infer<typeof stressSessionBody>;

export const stressSessionSchema = z.object({
  id: z.string(),
  /** The user's local date. */
  date: localDateSchema,
  plannedMinutes: z.number(),
  durationSeconds: z.number(),
  inhaleSeconds: z.number(),
  exhaleSeconds: z.number(),
  stressBefore: z.number(),
  stressAfter: z.number(),
  createdAt: z.string(),
});
export type StressSession = z.infer<typeof stressSessionSchema>;

/** POST /api/stress/sessions. */
export const stressSessionResponseSchema = z.object({ session: stressSessionSchema });

export const stressRuleIdSchema = z.enum(STRESS_RULE_IDS as [StressRuleId, ...StressRuleId[]], {
  message: 'choose one of the rules of thumb',
});

export const REFLECTION_NOTE_MAX = 1000;

/** This week's rule of thumb to try, with an optional note; one per week, editable all week. */
export const reflectionBody = z.strictObject({
  ruleId: stressRuleIdSchema,
  note: z
    .string()
    .trim()
    .max(REFLECTION_NOTE_MAX, `must be at most ${REFLECTION_NOTE_MAX}\u00a0characters`)
    .optional(),
});
export type ReflectionBody = z.infer<typeof reflectionBody>;

export const reflectionSchema = z.object({
  /** Monday of the week (local date). */
  weekStart: localDateSchema,
  ruleId: stressRuleIdSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof reflectionSchema>;

/** PUT /api/stress/reflection. */
export const reflectionResponseSchema = z.object({ reflection: reflectionSchema });

/** GET /api/stress: what the Stress page shows. */
export const stressOverviewSchema = z.object({
  date: localDateSchema,
  weekStart: localDateSchema,
  reflection: reflectionSchema.nullable(),
  /** Newest first, at most 20. */
  recentSessions: z.array(stressSessionSchema),
});
export type StressOverview = z.infer<typeof stressOverviewSchema>;
