import type { Checkin, CheckinBody, LocalDate } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

export interface CheckinRow {
  day: string;
  pain: number;
  stress: number;
  note: string | null;
  // Date from a column; ISO text when the row was built as JSON (repositories/today.ts).
  created_at: Date | string;
  updated_at: Date | string;
}

// day::text, because drivers turn a bare `date` into a JS Date at local midnight.
const COLUMNS = 'day::text AS day, pain, stress, note, created_at, updated_at';

export const toCheckin = (r: CheckinRow): Checkin => ({
  date: r.day,
  pain: r.pain,
  stress: r.stress,
  note: r.note,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

// toISOString's form; `MS` truncates microseconds to milliseconds as a JS Date does.
const ISO_UTC = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Creates or replaces the check-in of `day` (`created` says which) and stores the answer under an
 * idempotency key, in one statement: a check-in is the write people make most, and one round
 * trip without BEGIN and COMMIT takes a quarter less CPU than the two of `once` in
 * services/idempotent-write.ts (bench/RESULTS.md, "load"). The stored answer is built here in
 * SQL in the shape of `{ checkin: toCheckin(row) }`, which checkin-routes.test.ts holds to by
 * comparing a retry's answer with the first. A key already stored (or being stored by a
 * concurrent request, which PostgreSQL waits for) fails the whole statement, the check-in with
 * it: see `earlierAnswer`.
 */
export async function upsertCheckinUnderKey(
  q: Queryable,
  c: { userId: string; day: LocalDate; body: CheckinBody; now: Date; key: string; requestHash: string },
): Promise<{ checkin: Checkin; created: boolean }> {
  const rows = await q.query<CheckinRow & { created: boolean }>(
    `WITH c AS (
       INSERT INTO checkins (user_id, day, pain, stress, note, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (user_id, day) DO UPDATE SET pain = EXCLUDED.pain, stress = EXCLUDED.stress,
         note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}, (xmax = 0) AS created
     ), k AS (
       INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
       SELECT $1, $7, $8, CASE WHEN created THEN 201 ELSE 200 END,
         json_build_object('checkin', json_build_object('date', day, 'pain', pain, 'stress', stress,
           'note', note, 'createdAt', ${ISO_UTC('created_at')}, 'updatedAt', ${ISO_UTC('updated_at')})),
         $6
       FROM c
     )
     SELECT day, pain, stress, note, created_at, updated_at, created FROM c`,
    [c.userId, c.day, c.body.pain, c.body.stress, c.body.note ?? null, c.now, c.key, c.requestHash],
  );
  const row = rows[0]!;
  return { checkin: toCheckin(row), created: row.created };
}

export async function checkinsBetween(
  q: Queryable,
  userId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<Checkin[]> {
  const rows = await q.query<CheckinRow>(
    `SELECT ${COLUMNS} FROM checkins WHERE user_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
    [userId, from, to],
  );
  return rows.map(toCheckin);
}

export async function allCheckins(q: Queryable, userId: string): Promise<Checkin[]> {
  const rows = await q.query<CheckinRow>(`SELECT ${COLUMNS} FROM checkins WHERE user_id = $1 ORDER BY day`, [
    userId,
  ]);
  return rows.map(toCheckin);
}
