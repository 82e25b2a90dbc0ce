import type { Queryable } from '../db/database.js';

export interface ThrottleRow {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export async function findThrottles(q: Queryable, keys: readonly string[]): Promise<Map<string, ThrottleRow>> {
  const rows = await q.query<{ key: string; failures: number; last_failure_at: Date; locked_until: Date | null }>(
    'SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ANY($1)',
    [keys],
  );
  // A row with no failures is only the lock placeholder of lockThrottleKey.
  return new Map(
    rows
      .filter((r) => r.failures > 0)
      .map((r) => [r.key, { failures: r.failures, lastFailureAt: r.last_failure_at, lockedUntil: r.locked_until }]),
  );
}

export async function saveThrottle(q: Queryable, key: string, row: ThrottleRow): Promise<void> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures,
       last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until`,
    [key, row.failures, row.lastFailureAt, row.lockedUntil],
  );
}

export async function clearThrottle(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/**
 * Makes sure the row exists and holds its lock until the transaction ends; a second log-in to
 * the same account waits here for the first to finish.
 */
export async function lockThrottleKey(q: Queryable, key: string): Promise<void> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 0, 'epoch')
     ON CONFLICT (key) DO NOTHING`,
    [key],
  );
  await q.query('SELECT key FROM login_throttle WHERE key = $1 FOR UPDATE', [key]);
}

/** Forgets counts nobody has added to for a while, so junk keys cannot pile up. */
export async function deleteStaleThrottles(q: Queryable, olderThan: Date): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE last_failure_at < $1', [olderThan]);
}
