import type { Baseline, Checkin, LocalDate, Screening } from '@hipwise/core';
import type { Queryable } from '../db/database.js';
import { toBaseline, type BaselineRow } from './baselines.js';
import { toCheckin, type CheckinRow } from './checkins.js';
import { toScreening, type ScreeningRow } from './screenings.js';

// The Today page is the most read thing there is: one round trip, rows as JSON for each table's
// own mapper, the history passed through as text. Why: docs/decisions/today-read.md.
const TODAY_SQL = `SELECT
  (SELECT row_to_json(s) FROM (
     SELECT id, answers, outcome, created_at AT TIME ZONE 'UTC' AS created_at
     FROM screenings WHERE user_id = $1
     ORDER BY screenings.created_at DESC, id LIMIT 1) s) AS screening,
  (SELECT row_to_json(b) FROM (
     SELECT pain_now, pain_week_average, peg_pain, peg_enjoyment, peg_activity, peg_score,
       sitting_hours_per_workday, stress,
       created_at AT TIME ZONE 'UTC' AS created_at, updated_at AT TIME ZONE 'UTC' AS updated_at
     FROM baselines WHERE user_id = $1) b) AS baseline,
  (SELECT row_to_json(c) FROM (
     SELECT day::text AS day, pain, stress, note,
       created_at AT TIME ZONE 'UTC' AS created_at, updated_at AT TIME ZONE 'UTC' AS updated_at
     FROM checkins WHERE user_id = $1 AND day = $3) c) AS checkin,
  (SELECT coalesce(json_agg(p ORDER BY p.date), '[]')::text FROM (
     SELECT day::text AS date, pain, stress, note
     FROM checkins WHERE user_id = $1 AND day BETWEEN $2 AND $3) p) AS history`;

/**
 * A UTC `timestamp` as PostgreSQL writes it in JSON ("2026-03-10T12:00:00", up to six digits of
 * fraction) in toISOString's form, "2026-03-10T12:00:00.000Z", truncating to milliseconds as Date
 * does.
 */
export function utcIso(text: string): string {
  if (text.length === 19 && text[10] === 'T') return `${text}.000Z`;
  if (text.length > 20 && text.length <= 26 && text[10] === 'T' && text[19] === '.') {
    return `${text.slice(0, 23).padEnd(23, '0')}Z`;
  }
  return new Date(`${text}Z`).toISOString();
}

export interface TodayData {
  screening: Screening | null;
  baseline: Baseline | null;
  /** The check-in dated `to`, if any. */
  checkin: Checkin | null;
  /** Check-ins from `from` to `to`, oldest first, as the JSON text of a CheckinPoint array. */
  historyJson: string;
}

/** The latest screening, the baseline, today's check-in and the history of a date range, in one query. */
export async function todayData(
  q: Queryable,
  userId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<TodayData> {
  // The times are UTC text here (see TODAY_SQL).
  type AsText<R> = Omit<R, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string };
  const rows = await q.query<{
    screening: (Omit<ScreeningRow, 'created_at'> & { created_at: string }) | null;
    baseline: AsText<BaselineRow> | null;
    checkin: AsText<CheckinRow> | null;
    history: string;
  }>(TODAY_SQL, [userId, from, to]);
  const { screening: s, baseline: b, checkin: c, history } = rows[0]!;
  // The parsed JSON is ours alone: rewrite the times in place rather than copy the rows.
  if (s) s.created_at = utcIso(s.created_at);
  for (const row of [b, c]) {
    if (row) {
      row.created_at = utcIso(row.created_at);
      row.updated_at = utcIso(row.updated_at);
    }
  }
  return {
    screening: s && toScreening(s),
    baseline: b && toBaseline(b),
    checkin: c && toCheckin(c),
    historyJson: history,
  };
}
