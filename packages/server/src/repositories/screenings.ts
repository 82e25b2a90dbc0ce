import type { RedFlagAnswers, Screening, ScreeningOutcome, StoredRedFlagAnswers } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

export interface ScreeningRow {
  id: string;
  answers: StoredRedFlagAnswers;
  outcome: ScreeningOutcome;
  // Date from a column; ISO text when the row was built as JSON (repositories/today.ts).
  created_at: Date | string;
}

export const toScreening = (r: ScreeningRow): Screening => ({
  id: r.id,
  outcome: r.outcome,
  answers: r.answers,
  createdAt: iso(r.created_at),
});

export async function insertScreening(
  q: Queryable,
  s: { userId: string; answers: RedFlagAnswers; outcome: ScreeningOutcome; now: Date },
): Promise<Screening> {
  const rows = await q.query<ScreeningRow>(
    `INSERT INTO screenings (user_id, answers, outcome, created_at) VALUES ($1, $2, $3, $4)
     RETURNING id, answers, outcome, created_at`,
    [s.userId, JSON.stringify(s.answers), s.outcome, s.now],
  );
  return toScreening(rows[0]!);
}

export async function latestScreening(q: Queryable, userId: string): Promise<Screening | null> {
  const rows = await q.query<ScreeningRow>(
    `SELECT id, answers, outcome, created_at FROM screenings WHERE user_id = $1
     ORDER BY created_at DESC, id LIMIT 1`,
    [userId],
  );
  return rows[0] ? toScreening(rows[0]) : null;
}

export async function allScreenings(q: Queryable, userId: string): Promise<Screening[]> {
  const rows = await q.query<ScreeningRow>(
    'SELECT id, answers, outcome, created_at FROM screenings WHERE user_id = $1 ORDER BY created_at, id',
    [userId],
  );
  return rows.map(toScreening);
}

/** When each of the user's clear screenings was answered, oldest first. */
export async function clearScreeningTimes(q: Queryable, userId: string): Promise<Date[]> {
  const rows = await q.query<{ created_at: Date }>(
    `SELECT created_at FROM screenings WHERE user_id = $1 AND outcome = 'clear' ORDER BY created_at`,
    [userId],
  );
  return rows.map((r) => r.created_at);
}
