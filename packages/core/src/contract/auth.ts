import { z } from 'zod';
import { timeZoneSchema } from './common.js';
import { invitationCodeSchema } from './invitation-code.js';
import { plural } from '../text/units.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email('must be a valid email address'));

// The upper bound keeps argon2 from being fed megabytes; NIST SP 800-63B asks for at least 64.
export const newPasswordSchema = z
  .string()
  .min(10, `must be at least ${plural(10, 'character')}`)
  .max(200, `must be at most ${plural(200, 'character')}`);

export const signupBody = z.strictObject({
  email: emailSchema,
  password: newPasswordSchema,
  timeZone: timeZoneSchema,
  /** Needed when the instance takes new accounts by invitation only. */
  invitation: invitationCodeSchema.optional(),
});
export type SignupBody = z.infer<typeof signupBody>;

export const loginBody = z.strictObject({
  email: emailSchema,
  password: z
    .string()
    .min(1, 'is required')
    .max(200, `must be at most ${plural(200, 'character')}`),
});
export type LoginBody = z.infer<typeof loginBody>;

/**
 * An account with a password gives the current one. An account without one (made through single
 * sign-on) sets its first password after a fresh sign-in at its provider instead.
 */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200).optional(),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** The password, for an account that has one; an account without one confirms at its provider. */
export const deleteAccountBody = z.strictObject({
  password: z.string().min(1, 'is required').max(200).optional(),
});
export type DeleteAccountBody = z.infer<typeof deleteAccountBody>;

/** Everyone is a member; a clinician follows consenting members; an admin runs the instance. */
export const roleSchema = z.enum(['member', 'clinician', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

/** The answer of sign-up, log-in and a settings change. */
export const userResponseSchema = z.object({ user: userSchema });

export const settingsBody = z.strictObject({ timeZone: timeZoneSchema });
export type SettingsBody = z.infer<typeof settingsBody>;
