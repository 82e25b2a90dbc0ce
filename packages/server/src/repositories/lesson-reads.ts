import type { LessonId, LessonRead, LocalDate } from '@hipwise/core';
import type { Queryable } from '../db/database.js';

interface ReadRow {
  lesson_id: LessonId;
  read_on: string;
}

/** Marks a lesson read; marking it again keeps the first date (so the call is idempotent). */
export async function markLessonRead(
  q: Queryable,
  r: { userId: string; lessonId: LessonId; day: LocalDate; now: Date },
): Promise<LessonRead> {
  const rows = await q.query<ReadRow>(
    `INSERT INTO lesson_reads (user_id, lesson_id, read_on, read_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id, lesson_id) DO UPDATE SET lesson_id = lesson_reads.lesson_id
     RETURNING lesson_id, read_on::text AS read_on`,
    [r.userId, r.lessonId, r.day, r.now],
  );
  const row = rows[0]!;
  return { lessonId: row.lesson_id, date: row.read_on };
}

/** Takes the read mark off again (the reader's undo). */
export async function unmarkLessonRead(q: Queryable, userId: string, lessonId: LessonId): Promise<void> {
  await q.query('DELETE FROM lesson_reads WHERE user_id = $1 AND lesson_id = $2', [userId, lessonId]);
}

export async function lessonReads(q: Queryable, userId: string): Promise<LessonRead[]> {
  const rows = await q.query<ReadRow>(
    'SELECT lesson_id, read_on::text AS read_on FROM lesson_reads WHERE user_id = $1 ORDER BY read_at, lesson_id',
    [userId],
  );
  return rows.map((r) => ({ lessonId: r.lesson_id, date: r.read_on }));
}
