import { z } from 'zod';

/**
 * An invitation code: 12 letters and digits without look-alikes (no 0/O, 1/I/L), shown in groups
 * of four. Typed by hand, so case, spaces and dashes do not matter.
 */
export const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const invitationCodeSchema = z
  .string()
  .max(40, 'is too long')
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z.string().regex(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/, 'must be the 12-character code you were given'),
  );
