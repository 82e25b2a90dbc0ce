import { z } from 'zod';
import { ALL_RED_FLAG_IDS, RED_FLAG_IDS, type AnyRedFlagId, type RedFlagId } from '../screening/red-flags.js';
import { SCREENING_OUTCOMES } from '../screening/triage.js';

const answerShape = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, z.boolean()])) as Record<
  RedFlagId,
  z.ZodBoolean
>;
// A stored screening holds the questions asked at the time: older ones may hold retired ids and
// lack newer ones.
const storedAnswerShape = Object.fromEntries(
  ALL_RED_FLAG_IDS.map((id) => [id, z.boolean().optional()]),
) as Record<AnyRedFlagId, z.ZodOptional<z.ZodBoolean>>;

/** Every current red-flag question must be answered yes (true) or no (false). */
export const screeningBody = z.strictObject({ answers: z.strictObject(answerShape) });
export type ScreeningBody = z.infer<typeof screeningBody>;

export const screeningOutcomeSchema = z.enum(SCREENING_OUTCOMES);

export const screeningSchema = z.object({
  id: z.string(),
  outcome: screeningOutcomeSchema,
  answers: z.strictObject(storedAnswerShape),
  createdAt: z.string(),
});
export type Screening = z.infer<typeof screeningSchema>;

/** POST /api/screenings. */
export const screeningResponseSchema = z.object({ screening: screeningSchema });
