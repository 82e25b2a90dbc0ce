import type { Queryable } from '../db/database.js';

/**
 * A single-use secret kept by the hash of its token: a sign-in in flight, an invitation code, the
 * proof of a fresh sign-in. Each table has `expires_at`; consuming either deletes the row or marks
 * it (`set`), and only rows not yet marked (`unused`) can be taken.
 */
export interface SingleUseTable {
  table: string;
  hashColumn: string;
  consume: 'delete' | { set: string; unused: string };
}

/**
 * Takes the live row with this hash in the statement that reads it, so two requests can never both
 * take it and an expired one is never taken. `params` fill `$3…` in `consume.set`.
 */
export async function takeOnce<Row extends object>(
  q: Queryable,
  t: SingleUseTable,
  hash: string,
  now: Date,
  returning: string,
  params: readonly unknown[] = [],
): Promise<Row | undefined> {
  const live = `${t.hashColumn} = $1 AND expires_at > $2`;
  const sql =
    t.consume === 'delete'
      ? `DELETE FROM ${t.table} WHERE ${live} RETURNING ${returning}`
      : `UPDATE ${t.table} SET ${t.consume.set} WHERE ${live} AND ${t.consume.unused} RETURNING ${returning}`;
  const rows = await q.query<Row>(sql, [hash, now, ...params]);
  return rows[0];
}
