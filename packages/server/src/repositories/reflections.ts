import type { LocalDate, Reflection, ReflectionBody, StressRuleId } from '@hipwise/core';
import { iso, type Queryable } from '../db/database.js';

interface ReflectionRow {
  week_start: string;
  rule_id: StressRuleId;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'week_start::text AS week_start, rule_id, note, created_at, updated_at';

const toReflection = (r: ReflectionRow): Reflection => ({
  weekStart: r.week_start,
  ruleId: r.rule_id,
  note: r.note,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** Creates or replaces the reflection of the week starting `weekStart`. */
export async function upsertReflection(
  q: Queryable,
  r: { userId: string; weekStart: LocalDate; body: ReflectionBody; now: Date },
): Promise<{ reflection: Reflection; created: boolean }> {
  const rows = await q.query<ReflectionRow & { created: boolean }>(
    `INSERT INTO stress_reflections (user_id, week_start, rule_id, note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (user_id, week_start) DO UPDATE SET rule_id = EXCLUDED.rule_id, note = EXCLUDED.note,
       updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    [r.userId, r.weekStart, r.body.ruleId, r.body.note || null, r.now],
  );
  const row = rows[0]!;
  return { reflection: toReflection(row), created: row.created };
}

export async function findReflection(
  q: Queryable,
  userId: string,
  weekStart: LocalDate,
): Promise<Reflection | null> {
  const rows = await q.query<ReflectionRow>(
    `SELECT ${COLUMNS} FROM stress_reflections WHERE user_id = $1 AND week_start = $2`,
    [userId, weekStart],
  );
  return rows[0] ? toReflection(rows[0]) : null;
}

export async function allReflections(q: Queryable, userId: string): Promise<Reflection[]> {
  const rows = await q.query<ReflectionRow>(
    `SELECT ${COLUMNS} FROM stress_reflections WHERE user_id = $1 ORDER BY week_start`,
    [userId],
  );
  return rows.map(toReflection);
}
