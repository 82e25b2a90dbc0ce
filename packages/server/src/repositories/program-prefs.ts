import type { ProgramPrefs } from '@hipwise/core';
import type { Queryable } from '../db/database.js';

/** Everyone starts with the defaults until they choose otherwise. */
export const DEFAULT_PROGRAM_PREFS: ProgramPrefs = { stayOnChair: false };

export async function findProgramPrefs(q: Queryable, userId: string): Promise<ProgramPrefs> {
  const rows = await q.query<{ stay_on_chair: boolean }>(
    'SELECT stay_on_chair FROM program_prefs WHERE user_id = $1',
    [userId],
  );
  return rows[0] ? { stayOnChair: rows[0].stay_on_chair } : DEFAULT_PROGRAM_PREFS;
}

export async function saveProgramPrefs(
  q: Queryable,
  p: { userId: string; prefs: ProgramPrefs; now: Date },
): Promise<ProgramPrefs> {
  const rows = await q.query<{ stay_on_chair: boolean }>(
    `INSERT INTO program_prefs (user_id, stay_on_chair, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET stay_on_chair = EXCLUDED.stay_on_chair, updated_at = EXCLUDED.updated_at
     RETURNING stay_on_chair`,
    [p.userId, p.prefs.stayOnChair, p.now],
  );
  return { stayOnChair: rows[0]!.stay_on_chair };
}
