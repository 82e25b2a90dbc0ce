import { LESSONS, type LessonId } from '../program/lessons.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { LessonRead } from './daily-plan.js';
import { unlockedLessons } from './program-day.js';

/** One lesson as the lessons list shows it: open or not yet, read or not. */
export interface LessonState {
  readonly id: LessonId;
  readonly number: number;
  /** The date it opens (lesson n on day n); lesson 1 is open from the start whatever the dates say. */
  readonly unlocksOn: LocalDate;
  readonly unlocked: boolean;
  /** The user's date when it was marked read, or null. */
  readonly readOn: LocalDate | null;
}

/**
 * Every lesson in order with its unlock date and read mark. A lesson read while open stays read
 * even if the dates later say it is locked (e.g. after a move west across time zones): a read
 * lesson counts as unlocked, so the user can always reopen what they have read.
 */
export function lessonStates(
  startDate: LocalDate,
  today: LocalDate,
  reads: readonly LessonRead[],
): LessonState[] {
  const open = new Set(unlockedLessons(startDate, today).map((l) => l.id));
  const readOn = new Map(reads.map((r) => [r.lessonId, r.date]));
  return LESSONS.map((l) => {
    const read = readOn.get(l.id) ?? null;
    return {
      id: l.id,
      number: l.number,
      unlocksOn: addDays(startDate, l.number - 1),
      unlocked: open.has(l.id) || read !== null,
      readOn: read,
    };
  });
}
