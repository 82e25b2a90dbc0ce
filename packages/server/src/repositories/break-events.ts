import type { StoredBreakEvent } from '@hipwise/core';
import type { Queryable } from '../db/database.js';

/**
 * Inserts the events (unique within the batch: the caller drops repeats) that are not stored yet (identity: user, time, type) and returns how many
 * were new. One statement, so concurrent retries of the same batch cannot both insert a row.
 */
export async function insertBreakEvents(
  q: Queryable,
  b: { userId: string; events: readonly StoredBreakEvent[]; now: Date },
): Promise<number> {
  if (b.events.length === 0) return 0;
  const rows = await q.query<{ n: number }>(
    `WITH input AS (
       SELECT (e->>'at')::bigint AS at_ms, e->>'type' AS type, e AS event, ord
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x (e, ord)
     ), inserted AS (
       INSERT INTO break_events (user_id, at_ms, type, event, received_at)
       SELECT $1::uuid, at_ms, type, event, $3::timestamptz FROM input ORDER BY ord
       ON CONFLICT (user_id, at_ms, type) DO NOTHING
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM inserted`,
    [b.userId, JSON.stringify(b.events), b.now],
  );
  return rows[0]?.n ?? 0;
}

/** The user's events with `fromMs <= at < toMs`, in time order (events of one millisecond in recording order). */
export async function breakEventsBetween(
  q: Queryable,
  userId: string,
  fromMs: number,
  toMs: number,
): Promise<StoredBreakEvent[]> {
  const rows = await q.query<{ event: StoredBreakEvent }>(
    `SELECT event FROM break_events WHERE user_id = $1 AND at_ms >= $2 AND at_ms < $3 ORDER BY at_ms, seq`,
    [userId, fromMs, toMs],
  );
  return rows.map((r) => r.event);
}

export async function allBreakEvents(q: Queryable, userId: string): Promise<StoredBreakEvent[]> {
  const rows = await q.query<{ event: StoredBreakEvent }>(
    'SELECT event FROM break_events WHERE user_id = $1 ORDER BY at_ms, seq',
    [userId],
  );
  return rows.map((r) => r.event);
}
