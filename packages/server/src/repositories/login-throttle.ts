import type { Queryable } from '../db/database.js';

export interface ThrottleRow {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export async function findThrottles(
  q: Queryable,
  keys: readonly string[],
): Promise<Map<string, ThrottleRow>> {
  const rows = await q.query<{
    key: string;
    failures: number;
    last_failure_at: Date;
    locked_until: Date | null;
  }>('SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ANY($1)', [keys]);
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, lastFailureAt: r.last_failure_at, lockedUntil: r.locked_until },
    ]),
  );
}

/** `userId` ties the row to an account, so that it is deleted with it. */
export async function saveThrottle(
  q: Queryable,
  key: string,
  row: ThrottleRow,
  userId?: string,
): Promise<void> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until, user_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures,
       last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until,
       user_id = COALESCE(EXCLUDED.user_id, login_throttle.user_id)`,
    [key, row.failures, row.lastFailureAt, row.lockedUntil, userId ?? null],
  );
}

export async function clearThrottle(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/**
 * Holds a lock on `key` until the transaction ends, without writing anything: a second attempt
 * at the same account waits here for the first to finish. `lockId` is a 64-bit number derived
 * from the key.
 */
export async function lockThrottleKey(q: Queryable, lockId: bigint): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1::bigint)', [lockId.toString()]);
}

/**
 * Forgets counts nobody has added to for a while, so old keys cannot pile up. Rows another
 * attempt holds are left for the next purge rather than waited for, so two purges never deadlock.
 */
export async function deleteStaleThrottles(q: Queryable, olderThan: Date): Promise<void> {
  await q.query(
    `DELETE FROM login_throttle WHERE key IN (
       SELECT key FROM login_throttle WHERE last_failure_at < $1 FOR UPDATE SKIP LOCKED)`,
    [olderThan],
  );
}
