import { z } from 'zod';
import { nrs } from './common.js';
import { recordedAtSchema } from './recorded-at.js';
import { STOPPED_EARLY } from '../exercise/session-record.js';
import { EXERCISE_VARIANT_IDS } from '../exercise/variants.js';

export const exerciseVariantSchema = z.enum(EXERCISE_VARIANT_IDS);
export const stoppedEarlySchema = z.enum(STOPPED_EARLY);

/** Generous bounds: the table never plans more than 3 x 30 s, but a bad request must not store nonsense. */
export const MAX_SETS = 10;
export const MAX_HOLD_SECONDS = 600;

/** Whole seconds (the client rounds to the nearest second). */
const seconds = z
  .int('must be whole seconds')
  .min(0, `must be 0 to ${MAX_HOLD_SECONDS}\u00a0seconds`)
  .max(MAX_HOLD_SECONDS, `must be 0 to ${MAX_HOLD_SECONDS}\u00a0seconds`);

/** A form score from the camera coach: 0 (poor) to 1 (good); null where a set was not scored. */
const formScore = z.number().min(0, 'must be 0 to 1').max(1, 'must be 0 to 1').nullable();

/** What the browser POSTs when a session ends (completed or stopped). */
export const exerciseSessionBody = z
  .strictObject({
    variant: exerciseVariantSchema,
    plannedSets: z.int().min(1, `must be 1 to ${MAX_SETS}`).max(MAX_SETS, `must be 1 to ${MAX_SETS}`),
    plannedHoldSeconds: seconds.min(1, `must be 1 to ${MAX_HOLD_SECONDS}\u00a0seconds`),
    /** One entry per set attempted, in order; fewer than planned only when stopped early. */
    achievedHoldSeconds: z.array(seconds).max(MAX_SETS, `must have at most ${MAX_SETS}\u00a0sets`),
    /** Null only when stopped for pain (see ExerciseSessionRecord). */
    painBefore: nrs.nullable(),
    painAfter: nrs.nullable(),
    stoppedEarly: stoppedEarlySchema,
    /** One per set attempted, when the camera coach was on. */
    formScores: z.array(formScore).max(MAX_SETS).optional(),
    /** Seconds of each hold the camera judged in good form; null where it could not see. */
    goodFormSeconds: z.array(seconds.nullable()).max(MAX_SETS).optional(),
    /** When the session ended; the server's clock when left out. */
    recordedAt: recordedAtSchema.optional(),
  })
  .superRefine((b, ctx) => {
    // These make the record self-consistent, which the progression rules rely on.
    if (b.achievedHoldSeconds.length > b.plannedSets) {
      ctx.addIssue({
        code: 'custom',
        path: ['achievedHoldSeconds'],
        message: 'must not have more sets than planned',
      });
    } else if (b.stoppedEarly === 'none' && b.achievedHoldSeconds.length !== b.plannedSets) {
      ctx.addIssue({
        code: 'custom',
        path: ['achievedHoldSeconds'],
        message: 'must have every planned set when the session was not stopped early',
      });
    }
    for (const field of ['painBefore', 'painAfter'] as const) {
      if (b[field] === null && b.stoppedEarly !== 'pain') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'must be 0 to 10 (it may be left out only when the session was stopped for pain)',
        });
      }
    }
    if (b.formScores !== undefined && b.formScores.length !== b.achievedHoldSeconds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['formScores'],
        message: 'must have one score (or null) per set attempted',
      });
    }
    if (b.goodFormSeconds !== undefined && b.goodFormSeconds.length !== b.achievedHoldSeconds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['goodFormSeconds'],
        message: 'must have one time (or null) per set attempted',
      });
    }
  });
export type ExerciseSessionBody = z.infer<typeof exerciseSessionBody>;

/** A stored session as the API returns it. Assignable to `ExerciseSessionRecord`. */
export const exerciseSessionSchema = z.object({
  id: z.string(),
  /** The user's local date when the session ended (YYYY-MM-DD). */
  date: z.string(),
  variant: exerciseVariantSchema,
  plannedSets: z.number(),
  plannedHoldSeconds: z.number(),
  achievedHoldSeconds: z.array(z.number()),
  painBefore: z.number().nullable(),
  painAfter: z.number().nullable(),
  stoppedEarly: stoppedEarlySchema,
  /** One per set attempted; null where not (yet) scored. */
  formScores: z.array(z.number().nullable()),
  /** One per set attempted; null where the camera did not judge the set. */
  goodFormSeconds: z.array(z.number().nullable()),
  createdAt: z.string(),
});
export type ExerciseSession = z.infer<typeof exerciseSessionSchema>;
