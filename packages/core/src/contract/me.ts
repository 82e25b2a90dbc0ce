import { z } from 'zod';
import { userSchema } from './auth.js';
import { baselineSchema } from './baseline.js';
import { screeningSchema } from './screening.js';

/**
 * How the account signs in: whether it has a password here, and the single sign-on it is linked to
 * (only the name its button shows). An account without a password confirms who it is (to delete
 * itself or set a password) by a fresh sign-in at that provider.
 */
export const accountAccessSchema = z.object({
  hasPassword: z.boolean(),
  provider: z.object({ name: z.string() }).nullable(),
  /**
   * Whether this account may log in with a password here: not when an admin has switched local
   * passwords off, except for admins.
   */
  localSignIn: z.boolean(),
});
export type AccountAccess = z.infer<typeof accountAccessSchema>;

/** GET /api/me: who is signed in and how far onboarding has got. */
export const meSchema = z.object({
  user: userSchema,
  account: accountAccessSchema,
  screening: screeningSchema.nullable(),
  baseline: baselineSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;
