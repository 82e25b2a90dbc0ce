import {
  flaggedQuestions,
  type AnyRedFlagId,
  type Clearance,
  type LocalDate,
  type StoredRedFlagAnswers,
} from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface ClearanceRow {
  id: string;
  screening_id: string;
  /** The answers of that screening, for the flags the clearance covers. */
  answers: StoredRedFlagAnswers;
  cleared_on: string;
  note: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

// cleared_on::text, because drivers turn a bare `date` into a JS Date at local midnight.
export const CLEARANCE_SELECT = `SELECT c.id, c.screening_id, s.answers, c.cleared_on::text AS cleared_on, c.note,
    c.created_at, c.revoked_at
  FROM clinician_clearances c JOIN screenings s ON s.id = c.screening_id`;

export const toClearance = (r: ClearanceRow): Clearance => ({
  id: r.id,
  screeningId: r.screening_id,
  coveredFlags: flaggedQuestions(r.answers).map((q) => q.id as AnyRedFlagId),
  clearedOn: r.cleared_on,
  note: r.note,
  createdAt: iso(r.created_at),
  revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
});

export async function insertClearance(
  q: Queryable,
  c: { userId: string; screeningId: string; clearedOn: LocalDate; note: string | null; now: Date },
): Promise<Clearance> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO clinician_clearances (user_id, screening_id, cleared_on, note, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.userId, c.screeningId, c.clearedOn, c.note, c.now],
  );
  return (await findClearance(q, c.userId, rows[0]!.id))!;
}

export async function findClearance(q: Queryable, userId: string, id: string): Promise<Clearance | null> {
  const rows = await q.query<ClearanceRow>(`${CLEARANCE_SELECT} WHERE c.user_id = $1 AND c.id = $2`, [
    userId,
    id,
  ]);
  return rows[0] ? toClearance(rows[0]) : null;
}

/** Every clearance of the user, withdrawn ones too, oldest first. */
export async function allClearances(q: Queryable, userId: string): Promise<Clearance[]> {
  const rows = await q.query<ClearanceRow>(
    `${CLEARANCE_SELECT} WHERE c.user_id = $1 ORDER BY c.created_at, c.id`,
    [userId],
  );
  return rows.map(toClearance);
}

/** Marks a clearance withdrawn (once; withdrawing again keeps the first time). Null if it is not the user's. */
export async function revokeClearance(
  q: Queryable,
  userId: string,
  id: string,
  now: Date,
): Promise<Clearance | null> {
  await q.query(
    `UPDATE clinician_clearances SET revoked_at = $3 WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL`,
    [userId, id, now],
  );
  return findClearance(q, userId, id);
}
