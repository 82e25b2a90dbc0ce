import { z } from 'zod';
import { nrs } from './common.js';

export const baselineBody = z.strictObject({
  painNow: nrs,
  painWeekAverage: nrs,
  peg: z.strictObject({ pain: nrs, enjoyment: nrs, activity: nrs }),
  sittingHoursPerWorkday: z
    .number()
    .min(0, 'must be 0 to 24 hours')
    .max(24, 'must be 0 to 24 hours')
    .multipleOf(0.5, 'use whole or half hours'),
  stress: nrs,
});
export type BaselineBody = z.infer<typeof baselineBody>;

export const baselineSchema = baselineBody.extend({
  pegScore: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Baseline = z.infer<typeof baselineSchema>;
