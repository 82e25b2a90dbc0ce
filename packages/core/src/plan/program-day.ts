import type { LocalDate } from '../time/local-date.js';
import { LESSONS, type Lesson, type LessonId } from '../program/lessons.js';

const DAY_MS = 86_400_000;

/**
 * Which day of the programme `today` is: 1 on the start date, 2 the day after, and so on (0 or
 * less if `today` is before the start, e.g. after the user moved west across time zones).
 * Dates are calendar labels, so this is exact: no time zone or daylight saving involved.
 */
export function programDay(startDate: LocalDate, today: LocalDate): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Lessons unlock one a day: lesson n on day n. Lesson 1 is open from the start even if the dates
 * say the programme has not begun yet, since reading early does no harm.
 */
export function unlockedLessons(startDate: LocalDate, today: LocalDate): readonly Lesson[] {
  const count = Math.min(LESSONS.length, Math.max(1, programDay(startDate, today)));
  return LESSONS.slice(0, count);
}

/** The first unlocked lesson not yet read (earlier unread ones come first), or null. */
export function nextUnreadLesson(
  startDate: LocalDate,
  today: LocalDate,
  read: ReadonlySet<LessonId>,
): Lesson | null {
  return unlockedLessons(startDate, today).find((l) => !read.has(l.id)) ?? null;
}
