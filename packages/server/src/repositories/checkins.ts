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

/** Creates or replaces the check-in of `day`; `created` says which. */
export async function upsertCheckin(
  q: Queryable,
  c: { userId: string; day: LocalDate; body: CheckinBody; now: Date },
): Promise<{ checkin: Checkin; created: boolean }> {
  const rows = await q.query<CheckinRow & { created: boolean }>(
    `INSERT INTO checkins (user_id, day, pain, stress, note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (user_id, day) DO UPDATE SET pain = EXCLUDED.pain, stress = EXCLUDED.stress,
       note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [c.userId, c.day, c.body.pain, c.body.stress, c.body.note ?? null, c.now],
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
  const rows = await q.query<CheckinRow>(`SELECT ${COLUMNS} FROM checkins WHERE user_id = $1 ORDER BY day`, [userId]);
  return rows.map(toCheckin);
}
