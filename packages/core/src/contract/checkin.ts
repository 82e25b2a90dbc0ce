import { z } from 'zod';
import { localDateSchema, nrs } from './common.js';
import { recordedAtSchema } from './recorded-at.js';

export const checkinBody = z.strictObject({
  pain: nrs,
  stress: nrs,
  note: z.string().trim().max(1000, 'must be at most 1000\u00a0characters').optional(),
  /** When it was made; the server's clock when left out. */
  recordedAt: recordedAtSchema.optional(),
});
export type CheckinBody = z.infer<typeof checkinBody>;

export const checkinSchema = z.object({
  date: z.string(),
  pain: z.number(),
  stress: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Checkin = z.infer<typeof checkinSchema>;

/** POST /api/checkins. */
export const checkinResponseSchema = z.object({ checkin: checkinSchema });

/** A check-in as a chart or table of days shows it: its day and its values, not when it was saved. */
export const checkinPointSchema = checkinSchema.pick({ date: true, pain: true, stress: true, note: true });
export type CheckinPoint = z.infer<typeof checkinPointSchema>;

export const checkinRangeQuery = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** An idempotency key: any client-made unique string, e.g. a UUID. */
export const idempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key must be 8 to 128\u00a0characters')
  .max(128, 'Idempotency-Key must be 8 to 128\u00a0characters')
  .regex(/^[A-Za-z0-9_\-:.]+$/, 'Idempotency-Key may hold only letters, digits and _-:.');
