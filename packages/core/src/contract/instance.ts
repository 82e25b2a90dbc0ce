import { z } from 'zod';
import { signupPolicySchema } from './practice.js';

/**
 * GET /api/instance: what a logged-out visitor may know about this hipwise. Only whether anyone
 * has an account yet, so the first visit to a new server leads to sign-up; nothing about who.
 */
export const instanceSchema = z.object({
  accounts: z.boolean(),
  /** How new accounts are made here, so the sign-up form asks for an invitation when needed. */
  signupPolicy: signupPolicySchema,
  localSignIn: z.boolean(),
});
export type Instance = z.infer<typeof instanceSchema>;
