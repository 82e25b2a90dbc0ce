import { z } from 'zod';
import { ALL_RED_FLAG_IDS } from '../screening/red-flags.js';
import { localDateSchema } from './common.js';

export const CLEARANCE_NOTE_MAX = 500;

/** POST /api/clearances: "a clinician has cleared me to exercise", with the date and an optional note. */
export const clearanceBody = z.strictObject({
  clearedOn: localDateSchema,
  note: z
    .string()
    .trim()
    .max(CLEARANCE_NOTE_MAX, `must be at most ${CLEARANCE_NOTE_MAX}\u00a0characters`)
    .optional(),
});
export type ClearanceBody = z.infer<typeof clearanceBody>;

export const clearanceSchema = z.object({
  id: z.string(),
  /** The screening it was recorded against; it covers that screening's flags. */
  screeningId: z.string(),
  coveredFlags: z.array(z.enum(ALL_RED_FLAG_IDS)),
  clearedOn: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  /** When the user withdrew it; a withdrawn clearance unlocks nothing. */
  revokedAt: z.string().nullable(),
});
export type Clearance = z.infer<typeof clearanceSchema>;

export const clearancesResponseSchema = z.object({ clearances: z.array(clearanceSchema) });

/** POST /api/clearances and DELETE /api/clearances/:id. */
export const clearanceResponseSchema = z.object({ clearance: clearanceSchema });
