import { z } from 'zod';
import { RED_FLAG_IDS } from '../screening/red-flags.js';

const answerShape = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, z.boolean()])) as Record<
  (typeof RED_FLAG_IDS)[number],
  z.ZodBoolean
>;

/** Every red-flag question must be answered yes (true) or no (false). */
export const screeningBody = z.strictObject({ answers: z.strictObject(answerShape) });
export type ScreeningBody = z.infer<typeof screeningBody>;

export const screeningOutcomeSchema = z.enum(['clear', 'see_clinician', 'emergency']);

export const screeningSchema = z.object({
  id: z.string(),
  outcome: screeningOutcomeSchema,
  answers: z.strictObject(answerShape),
  createdAt: z.string(),
});
export type Screening = z.infer<typeof screeningSchema>;
