import { z } from 'zod';
import { localDateSchema } from './common.js';
import { reflectionSchema } from './stress.js';
import { instrumentIdSchema, questionnaireResponseSchema } from './questionnaires.js';

/**
 * Response shapes of the progress, insights and questionnaire endpoints, so the browser
 * can trust what it charts. The computations behind them live in measures/ and insights/.
 */
export const licenceSchema = z.object({
  kind: z.enum(['public_domain', 'free_non_commercial', 'free_research_education']),
  note: z.string(),
  citation: z.string(),
});

/** GET /api/measures/instruments: what this deployment offers (switched-off ones are absent). */
export const instrumentsResponseSchema = z.object({
  instruments: z.array(
    z.object({
      id: instrumentIdSchema,
      name: z.string(),
      shortName: z.string(),
      version: z.string(),
      licence: licenceSchema,
      /** e.g. "every 14 days", "once, at the start", "when you like". */
      cadence: z.string(),
    }),
  ),
});
export type InstrumentsResponse = z.infer<typeof instrumentsResponseSchema>;

export const progressOfResponseSchema = z.object({
  answered: z.number(),
  total: z.number(),
  fraction: z.number(),
  complete: z.boolean(),
  nextItemId: z.string().nullable(),
});

/** One response with how far it got (the questionnaire screen resumes at nextItemId). */
export const responseEnvelopeSchema = z.object({
  response: questionnaireResponseSchema,
  progress: progressOfResponseSchema,
});
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

/** GET /api/measures/responses/draft/:instrumentId: the unfinished one, if any. */
export const draftResponseSchema = z.object({ draft: responseEnvelopeSchema.nullable() });

export const responseListSchema = z.object({ responses: z.array(questionnaireResponseSchema) });

export const scheduledItemSchema = z.object({
  instrumentId: instrumentIdSchema,
  dueDate: localDateSchema.nullable(),
  due: z.boolean(),
  reason: z.enum(['baseline', 'repeat', 'done']),
  lastCompleted: localDateSchema.nullable(),
});
export type ScheduledItemDto = z.infer<typeof scheduledItemSchema>;

/** GET /api/measures/due: questionnaires due today, and any left half way. */
export const dueResponseSchema = z.object({
  date: localDateSchema,
  due: z.array(scheduledItemSchema),
  inProgress: z.array(
    z.object({ id: z.string(), instrumentId: instrumentIdSchema, answered: z.number(), total: z.number() }),
  ),
});
export type DueResponse = z.infer<typeof dueResponseSchema>;

export const pointSchema = z.object({ date: localDateSchema, value: z.number() });
export type Point = z.infer<typeof pointSchema>;

export const tooEarlySchema = z.object({
  reason: z.enum(['programme_day', 'ratings']),
  have: z.number(),
  need: z.number(),
});

/**
 * One measure's change since the start. `current` (and what follows from it) is null only for pain
 * with no daily rating in the last 7 days; `tooEarly` lists why no verdict is given yet.
 */
export const changeSchema = z.object({
  measure: z.enum(['pain', 'rmdq', 'peg', 'pss4']),
  baseline: z.number(),
  current: z.number().nullable(),
  delta: z.number().nullable(),
  relative: z.number().nullable(),
  direction: z.enum(['better', 'worse', 'unchanged']).nullable(),
  meaningful: z.boolean().nullable(),
  tooEarly: z.array(tooEarlySchema).nullable(),
  baselineDate: localDateSchema,
  currentDate: localDateSchema.nullable(),
  /** Plain words for what was compared, e.g. "average of 5 check-ins in the last 7 days". */
  basis: z.string(),
});
export type ChangeDto = z.infer<typeof changeSchema>;

export const startBackResultSchema = z.object({
  date: localDateSchema,
  total: z.number(),
  psychosocial: z.number(),
  risk: z.enum(['low', 'medium', 'high']),
});

/** GET /api/measures/progress. */
export const progressResponseSchema = z.object({
  date: localDateSchema,
  startDate: localDateSchema,
  pain: z.array(pointSchema),
  stress: z.array(pointSchema),
  peg: z.array(pointSchema),
  rmdq: z.array(pointSchema),
  pss4: z.array(pointSchema),
  pss10: z.array(pointSchema),
  changes: z.array(changeSchema),
  /**
   * The latest STarT Back result (NICE NG59 risk stratification), or null when not done or
   * switched off. The plan weights stress work more for `risk: 'high'`.
   */
  startBack: startBackResultSchema.nullable(),
  schedule: z.array(scheduledItemSchema),
  stressPractice: z.object({ sessions: z.number(), minutes: z.number() }),
});
export type ProgressResponse = z.infer<typeof progressResponseSchema>;

export const relationshipSchema = z.object({
  id: z.enum(['sitting_previous_day', 'breaks_previous_day', 'exercise_previous_day', 'stress_same_day']),
  pairedDays: z.number(),
  minimumDays: z.number(),
  enough: z.boolean(),
  spearman: z.number().nullable(),
  pearson: z.number().nullable(),
  meanDifference: z.number().nullable(),
  groups: z.tuple([z.number(), z.number()]),
  strength: z.enum(['none', 'small', 'moderate', 'large']).nullable(),
  summary: z.string(),
});

/** GET /api/measures/insights. */
export const insightsResponseSchema = z.object({
  date: localDateSchema,
  from: localDateSchema,
  /** Days in the window with anything recorded. */
  daysWithData: z.number(),
  relationships: z.array(relationshipSchema),
  /** Which kinds of history are connected on this server yet (sitting and exercise come later). */
  sources: z.array(z.string()),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;

const averagesSchema = z.object({
  pain: z.number().nullable(),
  stress: z.number().nullable(),
  sittingMinutes: z.number().nullable(),
  days: z.object({ pain: z.number(), stress: z.number(), sittingMinutes: z.number() }),
});

/** GET /api/measures/weekly?date=YYYY-MM-DD: the printable weekly summary. */
export const weeklyResponseSchema = z.object({
  weekStart: localDateSchema,
  weekEnd: localDateSchema,
  averages: averagesSchema,
  previousAverages: averagesSchema,
  change: z.object({
    pain: z.number().nullable(),
    stress: z.number().nullable(),
    sittingMinutes: z.number().nullable(),
  }),
  adherence: z.object({
    checkInDays: z.number(),
    exerciseSessions: z.number(),
    daysWithExercise: z.number(),
    breaksTaken: z.number(),
  }),
  /** Exercise sessions of the week that were painful (stopped for pain, or pain up 2+ points). */
  painfulSessions: z.object({ painful: z.number(), stoppedForPain: z.number(), painRose: z.number() }),
  questionnaires: z.array(
    z.object({ instrumentId: instrumentIdSchema, date: localDateSchema, total: z.number() }),
  ),
  stressPractice: z.object({
    sessions: z.number(),
    minutes: z.number(),
    /** Mean of (before - after) over the week's sessions; null when none. */
    averageDrop: z.number().nullable(),
  }),
  reflection: reflectionSchema.nullable(),
});
export type WeeklyResponse = z.infer<typeof weeklyResponseSchema>;

export const weeklyQuery = z.strictObject({ date: localDateSchema.optional() });
