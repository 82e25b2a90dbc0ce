import { z } from 'zod';
import { exerciseSessionSchema, exerciseVariantSchema } from './exercise-session.js';
import { ILLUSTRATIONS } from '../program/illustration.js';
import { LESSON_IDS } from '../program/lessons.js';
import { SITTING_RULE_IDS } from '../program/sitting-rules.js';
import { screeningOutcomeSchema } from './screening.js';

/**
 * Zod schemas of the programme's HTTP API: lessons, exercise sessions, progression,
 * preferences and the daily plan. Response schemas are for the web client to check what it gets;
 * they mirror the pure types in plan/ and exercise/ (the tests parse real values to keep them level).
 */

const date = z.string();

/** PUT /api/program/prefs, and part of GET /api/progression. */
export const programPrefsBody = z.strictObject({
  /** Keep the chair version even once the floor version is unlocked. */
  stayOnChair: z.boolean(),
});
export type ProgramPrefs = z.infer<typeof programPrefsBody>;
export const programPrefsSchema = programPrefsBody;

/** PUT /api/program/prefs. */
export const programPrefsResponseSchema = z.object({ prefs: programPrefsSchema });

export const lessonIdSchema = z.enum(LESSON_IDS);

export const lessonStateSchema = z.object({
  id: lessonIdSchema,
  number: z.number(),
  unlocksOn: date,
  unlocked: z.boolean(),
  readOn: date.nullable(),
});

/** GET /api/lessons */
export const lessonsResponseSchema = z.object({
  date,
  startDate: date,
  lessons: z.array(lessonStateSchema),
});
export type LessonsResponse = z.infer<typeof lessonsResponseSchema>;

/** PUT and DELETE /api/lessons/:id/read */
export const lessonReadResponseSchema = z.object({ lesson: lessonStateSchema });

const levelSchema = z.object({
  variant: exerciseVariantSchema,
  level: z.number(),
  sets: z.number(),
  holdSeconds: z.number(),
});

const variantProgressSchema = z.object({
  level: levelSchema,
  goodSessionsAtLevel: z.number(),
  goodSessionsToAdvance: z.number().nullable(),
  isTopLevel: z.boolean(),
  lastChange: z
    .object({
      kind: z.enum(['advanced', 'stepped_back']),
      date,
      from: levelSchema,
      to: levelSchema,
    })
    .nullable(),
  highestLevel: z.number(),
  heldAt: z.number().nullable(),
});

export const progressionStateSchema = variantProgressSchema.extend({
  variant: exerciseVariantSchema,
  floorUnlocked: z.boolean(),
  goodChairDays: z.number(),
  floorUnlockedOn: date.nullable(),
  floorSetting: z.enum(['allowed', 'withheld']).nullable(),
  byVariant: z.object({ chair: variantProgressSchema, floor: variantProgressSchema }),
});

const painfulSessionSchema = z.object({
  date,
  reason: z.enum(['stopped_for_pain', 'pain_rose']),
  painBefore: z.number().nullable(),
  painAfter: z.number().nullable(),
});

export const planBlockSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('screening_missing') }),
  z.object({
    code: z.literal('screening_not_clear'),
    outcome: screeningOutcomeSchema.exclude(['clear']),
    clearanceAllowed: z.boolean(),
  }),
  z.object({
    code: z.literal('safety_pause'),
    pause: z.object({
      paused: z.literal(true),
      triggeredBy: z.tuple([date, date]).readonly(),
      triggers: z.tuple([painfulSessionSchema, painfulSessionSchema]).readonly(),
      lastStop: date,
    }),
  }),
]);
export type PlanBlockJson = z.infer<typeof planBlockSchema>;

export const rescreenPromptSchema = z.object({
  reasons: z.array(z.enum(['due', 'pain_rising', 'questions_changed'])),
  painRise: z
    .object({ windowStart: date, checkins: z.number(), mean: z.number(), baselineWeekAverage: z.number() })
    .nullable(),
});
export type RescreenPromptJson = z.infer<typeof rescreenPromptSchema>;

/** GET /api/progression */
export const progressionResponseSchema = z.object({
  date,
  startDate: date,
  prefs: programPrefsSchema,
  progression: progressionStateSchema,
  /** Why sessions are not offered now, or null. */
  block: planBlockSchema.nullable(),
});
export type ProgressionResponse = z.infer<typeof progressionResponseSchema>;

const itemBase = { id: z.string(), title: z.string(), done: z.boolean() };

export const planItemSchema = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('lesson'), lessonId: lessonIdSchema, readingMinutes: z.number() }),
  z.object({
    ...itemBase,
    kind: z.literal('exercise'),
    variant: exerciseVariantSchema,
    sets: z.number(),
    holdSeconds: z.number(),
    restAdvised: z.boolean(),
    painToday: z.enum(['stopped_for_pain', 'pain_rose']).nullable(),
  }),
  z.object({ ...itemBase, kind: z.literal('stress'), minutes: z.number() }),
  z.object({ ...itemBase, kind: z.literal('checkin') }),
  z.object({
    ...itemBase,
    kind: z.literal('sitting'),
    breaksTaken: z.number(),
    breaksGoal: z.number(),
    ruleIds: z.array(z.enum(SITTING_RULE_IDS as [string, ...string[]])),
  }),
]);

/** GET /api/plan */
export const dailyPlanSchema = z.discriminatedUnion('status', [
  z.object({
    date,
    status: z.literal('blocked'),
    reason: planBlockSchema,
    items: z.tuple([]),
    rescreen: rescreenPromptSchema,
  }),
  z.object({
    date,
    status: z.literal('ready'),
    programDay: z.number(),
    startBackRisk: z.enum(['low', 'medium', 'high']).nullable(),
    items: z.array(planItemSchema),
    rescreen: rescreenPromptSchema,
  }),
]);
export type DailyPlanJson = z.infer<typeof dailyPlanSchema>;

/** POST /api/exercise-sessions: the stored session and where it leaves the user. */
export const exerciseSessionResultSchema = z.object({
  session: exerciseSessionSchema,
  progression: progressionStateSchema,
  block: planBlockSchema.nullable(),
});
export type ExerciseSessionResult = z.infer<typeof exerciseSessionResultSchema>;

/** GET /api/exercise-sessions */
export const exerciseSessionsResponseSchema = z.object({ sessions: z.array(exerciseSessionSchema) });

export const exerciseSessionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1, 'must be 1 to 500').max(500, 'must be 1 to 500').default(100),
});

/** The illustration keys, for the web's lookup of its drawings. */
export const illustrationSchema = z.enum(ILLUSTRATIONS);
