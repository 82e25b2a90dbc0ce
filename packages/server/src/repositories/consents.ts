import { iso, type Queryable } from '../db/database.js';

/** A member's standing consent to one clinician. */
export interface ActiveConsent {
  id: string;
  memberId: string;
  clinicianId: string;
  shareNotes: boolean;
  grantedAt: string;
}

interface ConsentRow {
  id: string;
  member_id: string;
  clinician_id: string;
  share_notes: boolean;
  granted_at: Date;
}

const toConsent = (r: ConsentRow): ActiveConsent => ({
  id: r.id,
  memberId: r.member_id,
  clinicianId: r.clinician_id,
  shareNotes: r.share_notes,
  grantedAt: iso(r.granted_at),
});

/**
 * The consent that lets `clinicianId` see `memberId`, or undefined. Every clinician read asks
 * this in the same transaction as the read, so a revocation on any process is refused at once.
 */
export async function activeConsent(
  q: Queryable,
  clinicianId: string,
  memberId: string,
): Promise<ActiveConsent | undefined> {
  const rows = await q.query<ConsentRow>(
    `SELECT c.id, c.member_id, c.clinician_id, c.share_notes, c.granted_at
     FROM consents c JOIN users u ON u.id = c.clinician_id AND u.role = 'clinician'
     WHERE c.clinician_id = $1 AND c.member_id = $2 AND c.revoked_at IS NULL`,
    [clinicianId, memberId],
  );
  return rows[0] && toConsent(rows[0]);
}
