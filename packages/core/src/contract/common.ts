import { z } from 'zod';
import { isLocalDate, isValidTimeZone } from '../time/local-date.js';

/** 0-10 numeric rating scale: whole numbers only, as the scale is presented. */
export const nrs = z.int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10');

/**
 * Dates the app can work with. Day arithmetic near year 0000 or 9999 leaves the four-digit form
 * (addDays('9999-12-31', 1) is not a YYYY-MM-DD string), and loops over such ranges never ended:
 * GET /api/break-stats?from=9999-12-31&to=9999-12-31 hung the server. Every date a person could
 * mean lies well inside these bounds.
 */
export const MIN_LOCAL_DATE = '1900-01-01';
export const MAX_LOCAL_DATE = '2999-12-31';

export const localDateSchema = z
  .string()
  .refine(isLocalDate, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) => d >= MIN_LOCAL_DATE && d <= MAX_LOCAL_DATE,
    `must be a date between ${MIN_LOCAL_DATE} and ${MAX_LOCAL_DATE}`,
  );

export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London');

/** Every error the API returns has this shape; `code` is stable, `message` is for people. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
