import type { ReauthIntent } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { takeOnce, type SingleUseTable } from './take-once.js';

/**
 * Proof that a session's person just signed in again at their provider, for one step (`intent`);
 * good once, briefly.
 */
export interface ReauthProof {
  userId: string;
  sessionHash: string;
  intent: ReauthIntent;
}

const REAUTH_PROOFS: SingleUseTable = { table: 'reauth_proofs', hashColumn: 'proof_hash', consume: 'delete' };

export async function insertReauthProof(
  q: Queryable,
  p: ReauthProof & { proofHash: string; now: Date; expiresAt: Date },
): Promise<void> {
  // Proofs left unused are swept here: the table holds at most a few minutes of them.
  await q.query('DELETE FROM reauth_proofs WHERE expires_at <= $1', [p.now]);
  await q.query(
    `INSERT INTO reauth_proofs (proof_hash, user_id, session_hash, intent, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [p.proofHash, p.userId, p.sessionHash, p.intent, p.now, p.expiresAt],
  );
}

/** The live proof of this hash, taken: whoever presents it, it cannot be presented again. */
export async function takeReauthProof(
  q: Queryable,
  proofHash: string,
  now: Date,
): Promise<ReauthProof | undefined> {
  const r = await takeOnce<{ user_id: string; session_hash: string; intent: ReauthIntent }>(
    q,
    REAUTH_PROOFS,
    proofHash,
    now,
    'user_id, session_hash, intent',
  );
  return r && { userId: r.user_id, sessionHash: r.session_hash, intent: r.intent };
}
