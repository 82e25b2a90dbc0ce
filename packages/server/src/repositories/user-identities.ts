import type { Queryable } from '../db/database.js';
import { iso } from '../db/database.js';

/** A sign-in at an OpenID Provider that opens this account. */
export interface LinkedSignIn {
  issuer: string;
  subject: string;
  linkedAt: string;
}

export async function findIdentityUser(
  q: Queryable,
  issuer: string,
  subject: string,
): Promise<string | undefined> {
  const rows = await q.query<{ user_id: string }>(
    'SELECT user_id FROM user_identities WHERE issuer = $1 AND subject = $2',
    [issuer, subject],
  );
  return rows[0]?.user_id;
}

export async function insertIdentity(
  q: Queryable,
  i: { issuer: string; subject: string; userId: string; now: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO user_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)',
    [i.issuer, i.subject, i.userId, i.now],
  );
}

export async function userIdentities(q: Queryable, userId: string): Promise<LinkedSignIn[]> {
  const rows = await q.query<{ issuer: string; subject: string; created_at: Date }>(
    'SELECT issuer, subject, created_at FROM user_identities WHERE user_id = $1 ORDER BY created_at, issuer',
    [userId],
  );
  return rows.map((r) => ({ issuer: r.issuer, subject: r.subject, linkedAt: iso(r.created_at) }));
}
