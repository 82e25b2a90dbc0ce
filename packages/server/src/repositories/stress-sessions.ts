import type { LocalDate, StressSession, StressSessionBody } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface SessionRow {
  id: string;
  day: string;
  planned_minutes: number;
  duration_seconds: number;
  inhale_seconds: number;
  exhale_seconds: number;
  stress_before: number;
  stress_after: number;
  created_at: Date;
}

const COLUMNS =
  'id, day::text AS day, planned_minutes, duration_seconds, inhale_seconds, exhale_seconds, stress_before, stress_after, created_at';

const toSession = (r: SessionRow): StressSession => ({
  id: r.id,
  date: r.day,
  plannedMinutes: r.planned_minutes,
  durationSeconds: r.duration_seconds,
  // real is float4; half seconds are exact in it, so no rounding is needed.
  inhaleSeconds: r.inhale_seconds,
  exhaleSeconds: r.exhale_seconds,
  stressBefore: r.stress_before,
  stressAfter: r.stress_after,
  createdAt: iso(r.created_at),
});

export async function insertStressSession(
  q: Queryable,
  s: { userId: string; day: LocalDate; body: StressSessionBody; now: Date },
): Promise<StressSession> {
  const b = s.body;
  const rows = await q.query<SessionRow>(
    `INSERT INTO stress_sessions (user_id, day, planned_minutes, duration_seconds, inhale_seconds, exhale_seconds,
       stress_before, stress_after, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      s.userId,
      s.day,
      b.plannedMinutes,
      b.durationSeconds,
      b.inhaleSeconds,
      b.exhaleSeconds,
      b.stressBefore,
      b.stressAfter,
      s.now,
    ],
  );
  return toSession(rows[0]!);
}

/** Sessions between two local dates inclusive, oldest first. */
export async function stressSessionsBetween(
  q: Queryable,
  userId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<StressSession[]> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM stress_sessions WHERE user_id = $1 AND day BETWEEN $2 AND $3 ORDER BY created_at, id`,
    [userId, from, to],
  );
  return rows.map(toSession);
}

export async function recentStressSessions(
  q: Queryable,
  userId: string,
  limit: number,
): Promise<StressSession[]> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM stress_sessions WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
  return rows.map(toSession);
}

export async function allStressSessions(q: Queryable, userId: string): Promise<StressSession[]> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM stress_sessions WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(toSession);
}
