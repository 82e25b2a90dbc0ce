import type { Baseline, BaselineBody } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

export interface BaselineRow {
  pain_now: number;
  pain_week_average: number;
  peg_pain: number;
  peg_enjoyment: number;
  peg_activity: number;
  peg_score: number;
  sitting_hours_per_workday: number;
  stress: number;
  // Date from a column; ISO text when the row was built as JSON (repositories/today.ts).
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = `pain_now, pain_week_average, peg_pain, peg_enjoyment, peg_activity, peg_score,
  sitting_hours_per_workday, stress, created_at, updated_at`;

export const toBaseline = (r: BaselineRow): Baseline => ({
  painNow: r.pain_now,
  painWeekAverage: r.pain_week_average,
  peg: { pain: r.peg_pain, enjoyment: r.peg_enjoyment, activity: r.peg_activity },
  // real is float4: round back to the one decimal we stored.
  pegScore: Math.round(r.peg_score * 10) / 10,
  sittingHoursPerWorkday: r.sitting_hours_per_workday,
  stress: r.stress,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export async function upsertBaseline(
  q: Queryable,
  b: { userId: string; body: BaselineBody; pegScore: number; now: Date },
): Promise<Baseline> {
  const { body } = b;
  const rows = await q.query<BaselineRow>(
    `INSERT INTO baselines (user_id, pain_now, pain_week_average, peg_pain, peg_enjoyment, peg_activity,
       peg_score, sitting_hours_per_workday, stress, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (user_id) DO UPDATE SET pain_now = EXCLUDED.pain_now,
       pain_week_average = EXCLUDED.pain_week_average, peg_pain = EXCLUDED.peg_pain,
       peg_enjoyment = EXCLUDED.peg_enjoyment, peg_activity = EXCLUDED.peg_activity,
       peg_score = EXCLUDED.peg_score, sitting_hours_per_workday = EXCLUDED.sitting_hours_per_workday,
       stress = EXCLUDED.stress, updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}`,
    [
      b.userId,
      body.painNow,
      body.painWeekAverage,
      body.peg.pain,
      body.peg.enjoyment,
      body.peg.activity,
      b.pegScore,
      body.sittingHoursPerWorkday,
      body.stress,
      b.now,
    ],
  );
  return toBaseline(rows[0]!);
}

export async function findBaseline(q: Queryable, userId: string): Promise<Baseline | null> {
  const rows = await q.query<BaselineRow>(`SELECT ${COLUMNS} FROM baselines WHERE user_id = $1`, [userId]);
  return rows[0] ? toBaseline(rows[0]) : null;
}
