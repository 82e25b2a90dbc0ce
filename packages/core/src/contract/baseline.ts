import { z } from 'zod';
import { nrs } from './common.js';

export const baselineBody = z.strictObject({
  painNow: nrs,
  painWeekAverage: nrs,
  peg: z.strictObject({ pain: nrs, enjoyment: nrs, activity: nrs }),
  sittingHoursPerWorkday: z
    .number({ error: 'enter the hours as a number, such as 7 or 7.5' })
    .min(0, 'must be 0 to 24\u00a0hours')
    .max(24, 'must be 0 to 24\u00a0hours')
    // Not .multipleOf(0.5): its float tolerance lets 5e-324 through, which the database's real
    // column cannot store (an underflow error, so a 500 instead of a 422).
    .refine((h) => Number.isInteger(h * 2), 'use whole or half hours'),
  stress: nrs,
});
export type BaselineBody = z.infer<typeof baselineBody>;

export const baselineSchema = baselineBody.extend({
  pegScore: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Baseline = z.infer<typeof baselineSchema>;

/** PUT /api/baseline. */
export const baselineResponseSchema = z.object({ baseline: baselineSchema });
