import type { Queryable } from '../db/database.js';

/**
 * Test set-up for the clinician's side: a role and a consent written straight into the tables,
 * as the admin and consent routes would leave them.
 */
export async function makeClinician(q: Queryable, userId: string): Promise<void> {
  await q.query(`UPDATE users SET role = 'clinician' WHERE id = $1`, [userId]);
}

export async function grantConsent(
  q: Queryable,
  c: { memberId: string; clinicianId: string; shareNotes?: boolean; at?: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO consents (member_id, clinician_id, share_notes, granted_at) VALUES ($1, $2, $3, $4)`,
    [c.memberId, c.clinicianId, c.shareNotes ?? false, c.at ?? new Date('2026-03-01T09:00:00Z')],
  );
}

export async function revokeConsent(q: Queryable, memberId: string, clinicianId: string): Promise<void> {
  await q.query(
    `UPDATE consents SET revoked_at = now() WHERE member_id = $1 AND clinician_id = $2 AND revoked_at IS NULL`,
    [memberId, clinicianId],
  );
}
