import { z } from 'zod';
import { signupPolicySchema } from './practice.js';

/**
 * GET /api/instance: what a logged-out visitor may know about this hipwise. Only whether anyone
 * has an account yet, so the first visit to a new server leads to sign-up; nothing about who; and
 * whether it offers single sign-on.
 */
export const instanceSchema = z.object({
  accounts: z.boolean(),
  /** Single sign-on, when configured: only the name its button shows. */
  sso: z.object({ name: z.string() }).nullable(),
  /** How new accounts are made here, so the sign-up form asks for an invitation when needed. */
  signupPolicy: signupPolicySchema,
  localSignIn: z.boolean(),
});
export type Instance = z.infer<typeof instanceSchema>;
