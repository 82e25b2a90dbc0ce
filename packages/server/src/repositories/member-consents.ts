import type { Consent } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

/**
 * A member's side of consent. A scope change revokes the standing row and adds a new one, so the
 * rows are the consent's whole history with its timestamps.
 */

interface ActiveRow {
  id: string;
  clinician_id: string;
  clinician_email: string;
  share_notes: boolean;
  granted_at: Date;
}

const toConsent = (r: ActiveRow): Consent & { clinicianId: string } => ({
  id: r.id,
  clinicianId: r.clinician_id,
  clinician: { email: r.clinician_email },
  shareNotes: r.share_notes,
  grantedAt: iso(r.granted_at),
});

/** The clinicians who follow the member now, the earliest consent first. */
export async function activeConsentsOfMember(
  q: Queryable,
  memberId: string,
  opts: { id?: string; lock?: boolean } = {},
): Promise<Array<Consent & { clinicianId: string }>> {
  const rows = await q.query<ActiveRow>(
    `SELECT c.id, c.clinician_id, u.email AS clinician_email, c.share_notes, c.granted_at
       FROM consents c JOIN users u ON u.id = c.clinician_id
      WHERE c.member_id = $1 AND c.revoked_at IS NULL AND ($2::uuid IS NULL OR c.id = $2)
      ORDER BY c.granted_at, c.id ${opts.lock ? 'FOR UPDATE OF c' : ''}`,
    [memberId, opts.id ?? null],
  );
  return rows.map(toConsent);
}

export async function insertConsent(
  q: Queryable,
  c: { memberId: string; clinicianId: string; shareNotes: boolean; now: Date },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO consents (member_id, clinician_id, share_notes, granted_at) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [c.memberId, c.clinicianId, c.shareNotes, c.now],
  );
  return rows[0]!.id;
}

/** Ends the member's standing consent to a clinician; false when there was none. */
export async function revokeConsent(
  q: Queryable,
  memberId: string,
  clinicianId: string,
  now: Date,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE consents SET revoked_at = $3
      WHERE member_id = $1 AND clinician_id = $2 AND revoked_at IS NULL RETURNING id`,
    [memberId, clinicianId, now],
  );
  return rows.length > 0;
}

/** Every consent row of the member, revoked ones included, for the export. */
export async function consentHistory(q: Queryable, memberId: string) {
  const rows = await q.query<{
    id: string;
    clinician_email: string | null;
    share_notes: boolean;
    granted_at: Date;
    revoked_at: Date | null;
  }>(
    `SELECT c.id, u.email AS clinician_email, c.share_notes, c.granted_at, c.revoked_at
       FROM consents c LEFT JOIN users u ON u.id = c.clinician_id
      WHERE c.member_id = $1 ORDER BY c.granted_at, c.revoked_at IS NULL, c.revoked_at, c.id`,
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id,
    clinicianEmail: r.clinician_email,
    shareNotes: r.share_notes,
    grantedAt: iso(r.granted_at),
    revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
  }));
}

/** What clinicians changed in the member's programme, oldest first, for the export. */
export async function programmeChangesOfMember(q: Queryable, memberId: string) {
  const rows = await q.query<{
    id: string;
    clinician_email: string;
    kind: string;
    payload: unknown;
    created_at: Date;
  }>(
    `SELECT id, clinician_email, kind, payload, created_at FROM programme_changes
      WHERE member_id = $1 ORDER BY seq`,
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id,
    clinicianEmail: r.clinician_email,
    kind: r.kind,
    payload: r.payload,
    createdAt: iso(r.created_at),
  }));
}
