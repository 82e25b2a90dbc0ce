import { z } from 'zod';
import { emailSchema, roleSchema } from './auth.js';

export { INVITATION_ALPHABET, invitationCodeSchema } from './invitation-code.js';

/** How people may join this instance. */
export const signupPolicySchema = z.enum(['open', 'invitation', 'sso_only']);
export type SignupPolicy = z.infer<typeof signupPolicySchema>;

/** GET /api/admin/settings. */
export const instanceSettingsSchema = z.object({
  signupPolicy: signupPolicySchema,
  /** Whether local passwords sign in; admins always may, so nobody locks the instance out. */
  localSignIn: z.boolean(),
});
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

/** PUT /api/admin/settings: either or both. */
export const instanceSettingsBody = z
  .strictObject({ signupPolicy: signupPolicySchema.optional(), localSignIn: z.boolean().optional() })
  .refine((b) => b.signupPolicy !== undefined || b.localSignIn !== undefined, {
    message: 'must change the sign-up policy or local sign-in',
  });
export type InstanceSettingsBody = z.infer<typeof instanceSettingsBody>;

/** POST /api/admin/invitations (a clinician) and POST /api/invitations (a member). */
export const createInvitationBody = z.strictObject({
  /** When given, only the account with this email may accept. */
  email: emailSchema.optional(),
});
export type CreateInvitationBody = z.infer<typeof createInvitationBody>;

export const invitationKindSchema = z.enum(['clinician', 'member']);
export type InvitationKind = z.infer<typeof invitationKindSchema>;

/** The answer to creating an invitation: the code is shown this once, and only its hash is kept. */
export const newInvitationSchema = z.object({
  code: z.string(),
  /** The link to give, relative to the instance: `/join/CODE`. */
  path: z.string(),
  kind: invitationKindSchema,
  email: z.string().nullable(),
  expiresAt: z.string(),
});
export type NewInvitation = z.infer<typeof newInvitationSchema>;

/** GET /api/invitations/:code: what accepting means, before the person agrees. */
export const invitationPreviewSchema = z.object({
  kind: invitationKindSchema,
  invitedBy: z.object({ email: z.string(), role: roleSchema }),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** POST /api/invitations/:code/accept. shareNotes only for a member's consent. */
export const acceptInvitationBody = z.strictObject({ shareNotes: z.boolean().optional() });
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;

/** One clinician who follows the member, with what they see. */
export const consentSchema = z.object({
  id: z.string(),
  clinician: z.object({ email: z.string() }),
  shareNotes: z.boolean(),
  grantedAt: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;
export const consentListSchema = z.object({ consents: z.array(consentSchema) });

/** PATCH /api/me/consents/:id: the scope. */
export const consentScopeBody = z.strictObject({ shareNotes: z.boolean() });
export type ConsentScopeBody = z.infer<typeof consentScopeBody>;

/** One line of an audit trail: who, what, when, from where. Never health data. */
export const auditLineSchema = z.object({
  id: z.string(),
  actor: z.object({ email: z.string(), role: roleSchema }),
  action: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Whose data it concerns (the admin's log only; null for instance events). */
  memberEmail: z.string().nullable().optional(),
  clientAddress: z.string().nullable(),
  at: z.string(),
});
export type AuditLine = z.infer<typeof auditLineSchema>;

/** A page of the trail, newest first; `next` is the cursor of the following page, if any. */
export const auditPageSchema = z.object({ entries: z.array(auditLineSchema), next: z.string().nullable() });
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'must be a cursor from the previous page')
    .optional(),
});
