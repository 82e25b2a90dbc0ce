import type { Queryable } from '../db/database.js';

/** Whether any account exists on this instance (one index probe, whatever the number of users). */
export async function anyAccount(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
  return rows[0]?.any === true;
}
