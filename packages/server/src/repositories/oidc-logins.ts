import type { Queryable } from '../db/database.js';

/** A sign-in in flight, between the redirect to the provider and its way back. */
export interface OidcLogin {
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  timeZone: string;
  expiresAt: Date;
}

export async function insertOidcLogin(
  q: Queryable,
  l: OidcLogin & { stateHash: string; now: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, time_zone, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [l.stateHash, l.nonce, l.codeVerifier, l.returnTo, l.timeZone, l.now, l.expiresAt],
  );
}

/** Takes the sign-in out in the same statement that reads it, so a state is good for one callback only. */
export async function takeOidcLogin(q: Queryable, stateHash: string): Promise<OidcLogin | undefined> {
  const rows = await q.query<{
    nonce: string;
    code_verifier: string;
    return_to: string;
    time_zone: string;
    expires_at: Date;
  }>(
    `DELETE FROM oidc_logins WHERE state_hash = $1
     RETURNING nonce, code_verifier, return_to, time_zone, expires_at`,
    [stateHash],
  );
  const r = rows[0];
  return (
    r && {
      nonce: r.nonce,
      codeVerifier: r.code_verifier,
      returnTo: r.return_to,
      timeZone: r.time_zone,
      expiresAt: new Date(r.expires_at),
    }
  );
}

/** Sign-ins abandoned at the provider; each new sign-in sweeps them, so the table stays small. */
export async function deleteExpiredOidcLogins(q: Queryable, now: Date): Promise<void> {
  await q.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [now]);
}
