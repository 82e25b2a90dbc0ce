import { RECORDED_AT_MAX_AHEAD_MINUTES, type Checkin, type CheckinBody, type LocalDate } from '@hipwise/core';
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
 * How much earlier than the day's stored check-in another may have been made and still replace
 * it: device clocks differ by a little, so within this the one that arrives last stands, as a
 * person editing their answer expects; a check-in made well before the stored one (kept on a
 * device and sent late) does not overwrite the newer answer.
 */
const REPLACE_SKEW = `${RECORDED_AT_MAX_AHEAD_MINUTES} minutes`;

/**
 * Creates or replaces the check-in of `day` (`created` says which) and stores the answer under an
 * idempotency key, in one statement: a check-in is the write people make most, and one round
 * trip without BEGIN and COMMIT takes a quarter less CPU than the two of `once` in
 * services/idempotent-write.ts (bench/RESULTS.md, "load"). The stored answer is built here in
 * SQL in the shape of `{ checkin: toCheckin(row) }`, which checkin-routes.test.ts holds to by
 * comparing a retry's answer with the first. A key already stored (or being stored by a
 * concurrent request, which PostgreSQL waits for) fails the whole statement, the check-in with
 * it: see `earlierAnswer`.
 *
 * `at` is when the check-in was made (its times); `now` when it arrived (the key's). A check-in
 * made more than REPLACE_SKEW before the day's stored one leaves that one as it is, and the
 * answer (200) is the stored check-in.
 */
export async function upsertCheckinUnderKey(
  q: Queryable,
  c: {
    userId: string;
    day: LocalDate;
    body: CheckinBody;
    /** When it was made; `now` when not given. */
    at?: Date;
    now: Date;
    key: string;
    requestHash: string;
  },
): Promise<{ checkin: Checkin; created: boolean }> {
  const params = [
    c.userId,
    c.day,
    c.body.pain,
    c.body.stress,
    c.body.note ?? null,
    c.at ?? c.now,
    c.key,
    c.requestHash,
  ];
  // Under READ COMMITTED, a day's check-in committed by another request after this statement's
  // snapshot can be neither replaced (too new) nor read (not in the snapshot); the next statement sees it.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const rows = await q.query<CheckinRow & { created: boolean }>(
      `WITH c AS (
         INSERT INTO checkins (user_id, day, pain, stress, note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (user_id, day) DO UPDATE SET pain = EXCLUDED.pain, stress = EXCLUDED.stress,
           note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
         WHERE EXCLUDED.updated_at > checkins.updated_at - interval '${REPLACE_SKEW}'
         RETURNING ${COLUMNS}, (xmax = 0) AS created
       ), kept AS (
         SELECT ${COLUMNS}, false AS created FROM checkins
         WHERE user_id = $1 AND day = $2 AND NOT EXISTS (SELECT 1 FROM c)
       ), r AS (
         SELECT * FROM c UNION ALL SELECT * FROM kept
       ), k AS (
         INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
         SELECT $1, $7, $8, CASE WHEN created THEN 201 ELSE 200 END,
           json_build_object('checkin', json_build_object('date', day, 'pain', pain, 'stress', stress,
             'note', note, 'createdAt', ${ISO_UTC('created_at')}, 'updatedAt', ${ISO_UTC('updated_at')})),
           $9
         FROM r
       )
       SELECT day, pain, stress, note, created_at, updated_at, created FROM r`,
      [...params, c.now],
    );
    const row = rows[0];
    if (row) return { checkin: toCheckin(row), created: row.created };
  }
  throw new Error('The check-in of the day could be neither written nor read.');
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
