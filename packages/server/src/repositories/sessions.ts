import type { User } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { toUser, USER_COLUMNS, type UserRow } from './users.js';

export async function insertSession(
  q: Queryable,
  s: { tokenHash: string; userId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [s.tokenHash, s.userId, s.now, s.expiresAt],
  );
}

/** The user behind a live session, in one round trip (this runs on every authenticated request). */
export async function findSessionUser(q: Queryable, tokenHash: string, now: Date): Promise<User | undefined> {
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE id = (
       SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2)`,
    [tokenHash, now],
  );
  return rows[0] && toUser(rows[0]);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteOtherSessions(
  q: Queryable,
  userId: string,
  keepTokenHash: string,
): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
}

/** Tidies a user's dead sessions when they start a new one, so the table cannot grow without bound. */
export async function deleteExpiredSessions(q: Queryable, userId: string, now: Date): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [userId, now]);
}

export async function deleteUserSessions(q: Queryable, userId: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}
