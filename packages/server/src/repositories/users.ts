import type { User } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  time_zone: string;
  created_at: Date;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

// Named, not `*`: prepared statements must not change shape when a migration adds a column.
export const USER_COLUMNS = 'id, email, password_hash, time_zone, created_at';

export const toUser = (r: UserRow): UserWithHash => ({
  id: r.id,
  email: r.email,
  timeZone: r.time_zone,
  createdAt: iso(r.created_at),
  passwordHash: r.password_hash,
});

export function publicUser(u: UserWithHash): User {
  return { id: u.id, email: u.email, timeZone: u.timeZone, createdAt: u.createdAt };
}

/** Inserts a user, or returns undefined when the email is taken (without raising, so no race). */
export async function insertUser(
  q: Queryable,
  u: { email: string; passwordHash: string; timeZone: string; now: Date },
): Promise<UserWithHash | undefined> {
  const rows = await q.query<UserRow>(
    `INSERT INTO users (email, password_hash, time_zone, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [u.email, u.passwordHash, u.timeZone, u.now],
  );
  return rows[0] && toUser(rows[0]);
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserWithHash | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
  return rows[0] && toUser(rows[0]);
}

export async function findUserById(q: Queryable, id: string): Promise<UserWithHash | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0] && toUser(rows[0]);
}

export async function updateTimeZone(q: Queryable, id: string, timeZone: string): Promise<UserWithHash | undefined> {
  const rows = await q.query<UserRow>(`UPDATE users SET time_zone = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`, [
    id,
    timeZone,
  ]);
  return rows[0] && toUser(rows[0]);
}

export async function updatePasswordHash(q: Queryable, id: string, passwordHash: string): Promise<void> {
  await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

/** Every table holding personal data references users with ON DELETE CASCADE. */
export async function deleteUser(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM users WHERE id = $1', [id]);
}
