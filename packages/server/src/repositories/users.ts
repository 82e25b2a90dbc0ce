import type { Role, User } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

export interface UserRow {
  id: string;
  email: string;
  time_zone: string;
  created_at: Date;
  role: Role;
}

// Named, not `*`: prepared statements must not change shape when a migration adds a column.
// The password hash is not among them: only findCredentials reads it, for the auth service.
export const USER_COLUMNS = 'id, email, time_zone, created_at, role';

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  timeZone: r.time_zone,
  createdAt: iso(r.created_at),
  role: r.role,
});

/**
 * Inserts a user, or returns undefined when the email is taken (without raising, so no race).
 * An account made through single sign-on has no password hash.
 */
export async function insertUser(
  q: Queryable,
  u: { email: string; passwordHash: string | null; timeZone: string; now: Date },
): Promise<User | undefined> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users (email, password_hash, time_zone, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [u.email, u.passwordHash, u.timeZone, u.now],
  );
  return rows[0] && toUser(rows[0]);
}

/** The account of `email` with its password hash, for checking a password and nothing else. */
export async function findCredentials(
  q: Queryable,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | undefined> {
  // An account made through single sign-on has no password hash, and so no password matches it.
  const rows = await q.query<UserRow & { password_hash: string | null }>(
    `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = $1`,
    [email],
  );
  return rows[0] && { user: toUser(rows[0]), passwordHash: rows[0].password_hash };
}

export async function findUserById(q: Queryable, id: string): Promise<User | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] && toUser(rows[0]);
}

export async function updateTimeZone(q: Queryable, id: string, timeZone: string): Promise<User | undefined> {
  const rows = await q.query<UserRow>(
    `UPDATE users SET time_zone = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, timeZone],
  );
  return rows[0] && toUser(rows[0]);
}

export async function updatePasswordHash(q: Queryable, id: string, passwordHash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

/** Every table holding personal data references users with ON DELETE CASCADE. */
export async function deleteUser(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM users WHERE id = $1', [id]);
}

/** Whether any account exists on this instance (one index probe, whatever the number of users). */
export async function anyAccount(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
  return rows[0]?.any === true;
}

/** Whether the account has a password here (one made through single sign-on has none). */
export async function hasPassword(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query<{ has: boolean }>(
    'SELECT password_hash IS NOT NULL AS has FROM users WHERE id = $1',
    [id],
  );
  return rows[0]?.has === true;
}
