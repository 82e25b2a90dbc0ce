import { z } from 'zod';
import { isLocalDate, isValidTimeZone } from '../time/local-date.js';

/** 0-10 numeric rating scale: whole numbers only, as the scale is presented. */
export const nrs = z.int().min(0, 'must be 0 to 10').max(10, 'must be 0 to 10');

export const localDateSchema = z.string().refine(isLocalDate, 'must be a date as YYYY-MM-DD');

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
