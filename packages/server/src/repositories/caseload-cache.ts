import type { Queryable } from '../db/database.js';

/**
 * caseload_cache (migration 0011): one row per member followed by a clinician, holding the
 * clock-independent part of their caseload line. Triggers on the member's tables null `state` and
 * move `gen` on at every write; this file only creates rows and stores computed states.
 */

/**
 * Gives every member consenting to the clinician a row, if they have none yet. Run outside the
 * caseload's transaction, so the rows are committed before anything is computed from the
 * members' data: a write after that finds the row and marks it stale.
 */
export async function ensureCacheRows(q: Queryable, clinicianId: string): Promise<void> {
  await q.query(
    `INSERT INTO caseload_cache (member_id)
     SELECT c.member_id FROM consents c
     WHERE c.clinician_id = $1 AND c.revoked_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM caseload_cache k WHERE k.member_id = c.member_id)
     ON CONFLICT (member_id) DO NOTHING`,
    [clinicianId],
  );
}

export interface ComputedState {
  memberId: string;
  /** The row's gen as read before the member's data was: the state is stored only if it still is. */
  gen: string;
  state: unknown;
}

/**
 * Stores each state whose row still has the gen it was computed under, and returns how many were
 * stored. A row another transaction holds (a member writing right now, another caseload storing)
 * is skipped rather than waited for: its state is computed again on a later read, and two readers
 * never wait on each other's rows.
 */
export async function storeStates(
  q: Queryable,
  states: readonly ComputedState[],
  version: number,
  now: Date,
): Promise<number> {
  if (states.length === 0) return 0;
  const rows = await q.query<{ member_id: string }>(
    `UPDATE caseload_cache k SET state = v.state, version = $2, computed_at = $3
     FROM jsonb_to_recordset($1::jsonb) AS v(member_id uuid, gen bigint, state jsonb)
     WHERE k.member_id = v.member_id AND k.gen = v.gen
       AND k.member_id IN (
         SELECT member_id FROM caseload_cache WHERE member_id = ANY($4::uuid[]) FOR UPDATE SKIP LOCKED)
     RETURNING k.member_id`,
    [
      JSON.stringify(states.map((s) => ({ member_id: s.memberId, gen: s.gen, state: s.state }))),
      version,
      now,
      states.map((s) => s.memberId),
    ],
  );
  return rows.length;
}
