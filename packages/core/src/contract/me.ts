import { z } from 'zod';
import { userSchema } from './auth.js';
import { baselineSchema } from './baseline.js';
import { screeningSchema } from './screening.js';

/** GET /api/me: who is signed in and how far onboarding has got. */
export const meSchema = z.object({
  user: userSchema,
  screening: screeningSchema.nullable(),
  baseline: baselineSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;
