import { z } from 'zod';
import { EXERCISE_VARIANT_IDS } from '../exercise/variants.js';
import { levelsOf } from '../exercise/progression.js';
import { localDateSchema } from './common.js';
import { changeSchema, progressResponseSchema } from './progress.js';
import { exerciseSessionSchema } from './exercise-session.js';
import { checkinSchema } from './checkin.js';

/**
 * The clinician's side: programme changes, the caseload and the member page. A clinician sees only
 * members who consented; everything else answers as an unknown member (404).
 */

export const PROGRAMME_MESSAGE_MAX = 500;

const variant = z.enum(EXERCISE_VARIANT_IDS);

/** POST /api/clinician/members/:id/changes: one change to the member's programme. */
export const programmeChangeBody = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('hold_level'), variant, level: z.int().min(1, 'must be 1 or more') })
    .refine((b) => b.level <= levelsOf(b.variant).length, {
      path: ['level'],
      message: 'must be a level of that version (chair 1-5, floor 1-3)',
    }),
  z.strictObject({ kind: z.literal('release_hold') }),
  /** `member`: the member's own readiness decides again. */
  z.strictObject({ kind: z.literal('floor'), setting: z.enum(['allowed', 'withheld', 'member']) }),
  z.strictObject({ kind: z.literal('stress_item'), on: z.boolean() }),
  z.strictObject({
    kind: z.literal('message'),
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(PROGRAMME_MESSAGE_MAX, `must be at most ${PROGRAMME_MESSAGE_MAX}\u00a0characters`),
  }),
]);
export type ProgrammeChangeBody = z.infer<typeof programmeChangeBody>;
export type ProgrammeChangeKind = ProgrammeChangeBody['kind'];

/** A stored change, as the member and the clinician see it: who made it and when. */
export const programmeChangeSchema = z.object({
  id: z.string(),
  change: programmeChangeBody,
  clinicianEmail: z.string(),
  createdAt: z.string(),
});
export type ProgrammeChange = z.infer<typeof programmeChangeSchema>;

/** GET /api/me/programme-changes and the member page: newest first. */
export const programmeChangesResponseSchema = z.object({ changes: z.array(programmeChangeSchema) });

/** What needs a clinician's attention first. */
export const CASELOAD_FLAGS = [
  'screening_not_clear',
  'safety_pause',
  'pain_rising',
  'no_activity_7_days',
  'stopped_for_pain',
] as const;
export const caseloadFlagSchema = z.enum(CASELOAD_FLAGS);
export type CaseloadFlag = z.infer<typeof caseloadFlagSchema>;

export const CASELOAD_SORTS = ['attention', 'last_activity', 'email', 'sessions', 'pain_change'] as const;
export const CASELOAD_PAGE_SIZE_MAX = 100;

const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min, `must be ${min} or more`).max(max, `must be ${max} or less`))
    .optional()
    .transform((v) => v ?? fallback);

/** GET /api/clinician/caseload query string. */
export const caseloadQuery = z.strictObject({
  sort: z.enum(CASELOAD_SORTS).optional().default('attention'),
  order: z.enum(['asc', 'desc']).optional(),
  /** Only members with this flag, or with any flag. */
  flag: z.enum([...CASELOAD_FLAGS, 'any']).optional(),
  /** Part of the member's email address. */
  q: z.string().trim().max(200, 'must be at most 200\u00a0characters').optional(),
  page: intParam(1, 100000, 1),
  pageSize: intParam(1, CASELOAD_PAGE_SIZE_MAX, 25),
});
export type CaseloadQuery = z.infer<typeof caseloadQuery>;

const levelSchema = z.object({
  variant,
  level: z.int(),
  sets: z.int(),
  holdSeconds: z.int(),
  heldAt: z.int().nullable(),
});

const measureSchema = z.object({
  latest: z.number(),
  date: localDateSchema,
  /** Since the first (the baseline for PEG), with Progress's honesty rules; null with one score. */
  change: changeSchema.nullable(),
});

export const caseloadMemberSchema = z.object({
  memberId: z.string(),
  email: z.string(),
  consentedAt: z.string(),
  /** Latest check-in, session, breathing practice or questionnaire; null if none. */
  lastActivity: z.string().nullable(),
  sessionsThisWeek: z.int(),
  sessionsLastWeek: z.int(),
  checkinsThisWeek: z.int(),
  level: levelSchema,
  pain: changeSchema.nullable(),
  peg: measureSchema.nullable(),
  rmdq: measureSchema.nullable(),
  startBack: z.object({ risk: z.enum(['low', 'medium', 'high']), date: localDateSchema }).nullable(),
  flags: z.array(caseloadFlagSchema),
});
export type CaseloadMember = z.infer<typeof caseloadMemberSchema>;

/** GET /api/clinician/caseload. */
export const caseloadResponseSchema = z.object({
  members: z.array(caseloadMemberSchema),
  page: z.int(),
  pageSize: z.int(),
  /** Members matching the filter, over all pages. */
  total: z.int(),
  /** Everyone who consents to this clinician, before the filter. */
  consenting: z.int(),
});
export type CaseloadResponse = z.infer<typeof caseloadResponseSchema>;

/** GET /api/clinician/members/:id: what the member sees on Progress, read-only. */
export const clinicianMemberResponseSchema = z.object({
  member: z.object({ id: z.string(), email: z.string(), shareNotes: z.boolean(), consentedAt: z.string() }),
  progress: progressResponseSchema,
  sessions: z.array(exerciseSessionSchema),
  changes: z.array(programmeChangeSchema),
  /** The current level, as the member's plan has it, with any hold. */
  level: levelSchema,
  floorSetting: z.enum(['allowed', 'withheld']).nullable(),
  extraStressPractice: z.boolean(),
  /** Check-in notes, only when the member chose to share them; otherwise null. */
  notes: z.array(checkinSchema.pick({ date: true, note: true })).nullable(),
});
export type ClinicianMemberResponse = z.infer<typeof clinicianMemberResponseSchema>;
