import type { Role, User } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { toUser, USER_COLUMNS, type UserRow } from './users.js';

export async function findUserByEmail(q: Queryable, email: string): Promise<User | undefined> {
  const rows = await q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email]);
  return rows[0] && toUser(rows[0]);
}

export async function setRole(q: Queryable, id: string, role: Role): Promise<User | undefined> {
  const rows = await q.query<UserRow>(`UPDATE users SET role = $2 WHERE id = $1 RETURNING ${USER_COLUMNS}`, [
    id,
    role,
  ]);
  return rows[0] && toUser(rows[0]);
}

/** Accounts with a role other than member, by email: the people who run or work in the practice. */
export async function listStaff(q: Queryable): Promise<User[]> {
  const rows = await q.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE role <> 'member' ORDER BY role, email`,
  );
  return rows.map(toUser);
}
