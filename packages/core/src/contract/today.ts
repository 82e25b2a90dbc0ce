import { z } from 'zod';
import { baselineSchema } from './baseline.js';
import { checkinPointSchema, checkinSchema } from './checkin.js';
import { screeningSchema } from './screening.js';
import { userSchema } from './auth.js';

/** Everything the Today page shows, in one read. */
export const todaySchema = z.object({
  date: z.string(),
  user: userSchema,
  screening: screeningSchema.nullable(),
  baseline: baselineSchema.nullable(),
  checkin: checkinSchema.nullable(),
  /**
   * Check-ins over the last 90 days, oldest first, for the chart and its table: the days and
   * values only (GET /api/checkins has their times too).
   */
  history: z.array(checkinPointSchema),
});
export type Today = z.infer<typeof todaySchema>;
