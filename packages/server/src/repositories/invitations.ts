import type { InvitationKind, Role } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';
import { takeOnce, type SingleUseTable } from './take-once.js';

/**
 * Invitations by the hash of their code. `accepted_by` is the account that took the invitation up
 * (it may be set at sign-up, when the instance admits new accounts by invitation only);
 * `accepted_at` is set when that account accepted it. A code serves one account, once.
 */
export interface LiveInvitation {
  codeHash: string;
  kind: InvitationKind;
  email: string | null;
  expiresAt: string;
  takenBy: string | null;
  invitedBy: { id: string; email: string; role: Role };
}

export async function insertInvitation(
  q: Queryable,
  i: {
    codeHash: string;
    kind: InvitationKind;
    invitedBy: string;
    email: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO invitations (code_hash, kind, invited_by, email, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [i.codeHash, i.kind, i.invitedBy, i.email, i.now, i.expiresAt],
  );
}

/**
 * A code that is still good at `now`: not expired, not accepted. With `lock`, the row is locked
 * until the transaction ends, so two acceptances of one code cannot both pass.
 */
export async function findLiveInvitation(
  q: Queryable,
  codeHash: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<LiveInvitation | undefined> {
  const rows = await q.query<{
    code_hash: string;
    kind: InvitationKind;
    email: string | null;
    expires_at: Date;
    accepted_by: string | null;
    inviter_id: string;
    inviter_email: string;
    inviter_role: Role;
  }>(
    `SELECT i.code_hash, i.kind, i.email, i.expires_at, i.accepted_by,
            u.id AS inviter_id, u.email AS inviter_email, u.role AS inviter_role
       FROM invitations i JOIN users u ON u.id = i.invited_by
      WHERE i.code_hash = $1 AND i.expires_at > $2 AND i.accepted_at IS NULL
      ${opts.lock ? 'FOR UPDATE OF i' : ''}`,
    [codeHash, now],
  );
  const r = rows[0];
  return (
    r && {
      codeHash: r.code_hash,
      kind: r.kind,
      email: r.email,
      expiresAt: iso(r.expires_at),
      takenBy: r.accepted_by,
      invitedBy: { id: r.inviter_id, email: r.inviter_email, role: r.inviter_role },
    }
  );
}

// Taken at sign-up (accepted_by set), the code is no longer free; accepted, it is used up.
const SIGNUP_INVITATIONS: SingleUseTable = {
  table: 'invitations',
  hashColumn: 'code_hash',
  consume: { set: 'accepted_by = $3', unused: 'accepted_by IS NULL AND accepted_at IS NULL' },
};

/** Sign-up with a code: the new account takes it, so the same code admits no second account. */
export async function takeInvitation(
  q: Queryable,
  codeHash: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const taken = await takeOnce(q, SIGNUP_INVITATIONS, codeHash, now, 'code_hash', [userId]);
  return taken !== undefined;
}

export async function markInvitationAccepted(
  q: Queryable,
  codeHash: string,
  userId: string,
  now: Date,
): Promise<void> {
  await q.query('UPDATE invitations SET accepted_by = $2, accepted_at = $3 WHERE code_hash = $1', [
    codeHash,
    userId,
    now,
  ]);
}

export interface InvitationSummary {
  kind: InvitationKind;
  email: string | null;
  invitedByEmail: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** The invitations of a kind, newest first, without codes (only their hashes are stored anyway). */
export async function listInvitations(
  q: Queryable,
  filter: { kind: InvitationKind; invitedBy?: string },
  limit: number,
): Promise<InvitationSummary[]> {
  const rows = await q.query<{
    kind: InvitationKind;
    email: string | null;
    invited_by_email: string;
    created_at: Date;
    expires_at: Date;
    accepted_at: Date | null;
  }>(
    `SELECT i.kind, i.email, u.email AS invited_by_email, i.created_at, i.expires_at, i.accepted_at
       FROM invitations i JOIN users u ON u.id = i.invited_by
      WHERE i.kind = $1 AND ($2::uuid IS NULL OR i.invited_by = $2)
      ORDER BY i.created_at DESC LIMIT $3`,
    [filter.kind, filter.invitedBy ?? null, limit],
  );
  return rows.map((r) => ({
    kind: r.kind,
    email: r.email,
    invitedByEmail: r.invited_by_email,
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    acceptedAt: r.accepted_at === null ? null : iso(r.accepted_at),
  }));
}
