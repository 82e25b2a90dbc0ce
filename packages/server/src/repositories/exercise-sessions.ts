import type {
  ExerciseSession,
  ExerciseSessionBody,
  ExerciseVariant,
  LocalDate,
  StoppedEarly,
} from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface SessionRow {
  id: string;
  day: string;
  variant: ExerciseVariant;
  planned_sets: number;
  planned_hold_seconds: number;
  achieved_hold_seconds: number[];
  form_scores: Array<number | null>;
  good_form_seconds: Array<number | null>;
  pain_before: number | null;
  pain_after: number | null;
  stopped_early: StoppedEarly;
  created_at: Date;
}

// day::text, because drivers turn a bare `date` into a JS Date at local midnight.
const COLUMNS = `id, day::text AS day, variant, planned_sets, planned_hold_seconds, achieved_hold_seconds,
  form_scores, good_form_seconds, pain_before, pain_after, stopped_early, created_at`;

const toSession = (r: SessionRow): ExerciseSession => ({
  id: r.id,
  date: r.day,
  variant: r.variant,
  plannedSets: r.planned_sets,
  plannedHoldSeconds: r.planned_hold_seconds,
  achievedHoldSeconds: r.achieved_hold_seconds,
  painBefore: r.pain_before,
  painAfter: r.pain_after,
  stoppedEarly: r.stopped_early,
  formScores: r.form_scores,
  goodFormSeconds: r.good_form_seconds,
  createdAt: iso(r.created_at),
});

export async function insertExerciseSession(
  q: Queryable,
  s: { userId: string; day: LocalDate; body: ExerciseSessionBody; now: Date },
): Promise<ExerciseSession> {
  const b = s.body;
  // Without the camera coach every attempted set is "not scored".
  const formScores = b.formScores ?? b.achievedHoldSeconds.map(() => null);
  const goodFormSeconds = b.goodFormSeconds ?? b.achievedHoldSeconds.map(() => null);
  const rows = await q.query<SessionRow>(
    `INSERT INTO exercise_sessions (user_id, day, variant, planned_sets, planned_hold_seconds,
       achieved_hold_seconds, form_scores, good_form_seconds, pain_before, pain_after, stopped_early, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING ${COLUMNS}`,
    [
      s.userId,
      s.day,
      b.variant,
      b.plannedSets,
      b.plannedHoldSeconds,
      JSON.stringify(b.achievedHoldSeconds),
      JSON.stringify(formScores),
      JSON.stringify(goodFormSeconds),
      b.painBefore,
      b.painAfter,
      b.stoppedEarly,
      s.now,
    ],
  );
  return toSession(rows[0]!);
}

/**
 * The order sessions were done in: by the time each ended (`created_at`, the device's time for one
 * kept offline and sent later), then in the order they arrived. Arrival alone would put a session
 * synced late after one done later that day online.
 */
const DONE_ORDER = 'day, created_at, seq';
const NEWEST_FIRST = 'day DESC, created_at DESC, seq DESC';

/** The whole history, oldest first, in the order the sessions happened (progression replays it). */
export async function allExerciseSessions(q: Queryable, userId: string): Promise<ExerciseSession[]> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM exercise_sessions WHERE user_id = $1 ORDER BY ${DONE_ORDER}`,
    [userId],
  );
  return rows.map(toSession);
}

/** The latest `limit` sessions, newest first. */
export async function recentExerciseSessions(
  q: Queryable,
  userId: string,
  limit: number,
): Promise<ExerciseSession[]> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM exercise_sessions WHERE user_id = $1 ORDER BY ${NEWEST_FIRST} LIMIT $2`,
    [userId, limit],
  );
  return rows.map(toSession);
}

export async function findExerciseSession(
  q: Queryable,
  userId: string,
  id: string,
): Promise<ExerciseSession | undefined> {
  const rows = await q.query<SessionRow>(
    `SELECT ${COLUMNS} FROM exercise_sessions WHERE user_id = $1 AND id = $2`,
    [userId, id],
  );
  return rows[0] && toSession(rows[0]);
}
