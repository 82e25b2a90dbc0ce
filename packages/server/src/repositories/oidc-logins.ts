import type { ReauthIntent } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { takeOnce, type SingleUseTable } from './take-once.js';

/** A sign-in in flight, between the redirect to the provider and its way back. */
export interface OidcLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  timeZone: string;
  expiresAt: Date;
  /**
   * Set when the sign-in confirms an account already signed in: that account, the hash of the
   * session that asked, and the step it confirms (deleting the account or setting a password).
   */
  reauth: { userId: string; sessionHash: string; intent: ReauthIntent } | undefined;
}

const OIDC_LOGINS: SingleUseTable = { table: 'oidc_logins', hashColumn: 'state_hash', consume: 'delete' };

export async function insertOidcLogin(
  q: Queryable,
  l: OidcLogin & { stateHash: string; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO oidc_logins
       (state_hash, nonce, code_verifier, return_to, time_zone, created_at, expires_at, purpose, user_id, session_hash, intent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      l.stateHash,
      l.nonce,
      l.codeVerifier,
      l.returnTo,
      l.timeZone,
      l.now,
      l.expiresAt,
      l.reauth ? 'reauth' : 'signin',
      l.reauth?.userId ?? null,
      l.reauth?.sessionHash ?? null,
      l.reauth?.intent ?? null,
    ],
  );
}

/** Takes the live sign-in out in the statement that reads it, so a state is good for one callback only. */
export async function takeOidcLogin(
  q: Queryable,
  stateHash: string,
  now: Date,
): Promise<OidcLogin | undefined> {
  const r = await takeOnce<{
    nonce: string;
    code_verifier: string;
    return_to: string;
    time_zone: string;
    expires_at: Date;
    user_id: string | null;
    session_hash: string | null;
    intent: ReauthIntent | null;
  }>(
    q,
    OIDC_LOGINS,
    stateHash,
    now,
    'nonce, code_verifier, return_to, time_zone, expires_at, user_id, session_hash, intent',
  );
  return (
    r && {
      nonce: r.nonce,
      codeVerifier: r.code_verifier,
      returnTo: r.return_to,
      timeZone: r.time_zone,
      expiresAt: new Date(r.expires_at),
      reauth:
        r.user_id !== null && r.session_hash !== null && r.intent !== null
          ? { userId: r.user_id, sessionHash: r.session_hash, intent: r.intent }
          : undefined,
    }
  );
}

/** Sign-ins abandoned at the provider; each new sign-in sweeps them, so the table stays small. */
export async function deleteExpiredOidcLogins(q: Queryable, now: Date): Promise<void> {
  await q.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [now]);
}
