import type { LocalDate } from '../time/local-date.js';
import type { ExerciseVariant } from './variants.js';

export const STOPPED_EARLY = ['none', 'pain', 'other'] as const;
/** Why a session ended before its last hold: not at all, for pain (the stop button), or anything else. */
export type StoppedEarly = (typeof STOPPED_EARLY)[number];

/**
 * One finished exercise session, as progression and the safety pause need it. The stored record
 * (`ExerciseSession` in contract/exercise-session.ts) has more fields and can be passed where this is asked for.
 */
export interface ExerciseSessionRecord {
  readonly variant: ExerciseVariant;
  /** The user's calendar date when the session ended. */
  readonly date: LocalDate;
  readonly plannedSets: number;
  readonly plannedHoldSeconds: number;
  /** Seconds actually held, one entry per set attempted, in order. */
  readonly achievedHoldSeconds: readonly number[];
  /**
   * 0-10 numeric rating scale. Null only when the session was stopped for pain: the stop button
   * logs the session at once rather than ask anything more of someone in sharp pain.
   */
  readonly painBefore: number | null;
  readonly painAfter: number | null;
  readonly stoppedEarly: StoppedEarly;
}

/**
 * A rise of 2 points on the 0-10 scale is about the smallest change most people feel as important
 * (Farrar et al., Pain 2001;94:149-158), so it is the line between "effort" and "this hurt".
 */
export const PAIN_RISE_POINTS = 2;

/** Every planned set was attempted and held for at least the planned seconds. */
export function completedAllHolds(s: ExerciseSessionRecord): boolean {
  if (s.achievedHoldSeconds.length < s.plannedSets) return false;
  return s.achievedHoldSeconds.slice(0, s.plannedSets).every((held) => held >= s.plannedHoldSeconds);
}

/** Pain after is higher than pain before by 2 points or more (false when either is unknown). */
export function painRose(s: ExerciseSessionRecord): boolean {
  if (s.painBefore === null || s.painAfter === null) return false;
  return s.painAfter - s.painBefore >= PAIN_RISE_POINTS;
}

/**
 * - `painful`: stopped for pain, or pain rose by 2+ points. Steps progression back.
 * - `good`: not stopped early, all planned holds completed, and pain did not rise by 2+ points.
 *   Counts towards the next level and towards unlocking the floor version.
 * - `neutral`: anything else (holds not reached, or stopped for another reason): counts for nothing.
 * Painful is checked first, so a session that was both complete and painful is painful.
 */
export type SessionOutcome = 'good' | 'painful' | 'neutral';

/** Good, painful or neutral, by the rules above. */
export function classifySession(s: ExerciseSessionRecord): SessionOutcome {
  if (s.stoppedEarly === 'pain' || painRose(s)) return 'painful';
  if (s.stoppedEarly === 'none' && completedAllHolds(s)) return 'good';
  return 'neutral';
}

/**
 * Sessions oldest first. Sorting is stable, so sessions on the same date keep the caller's order
 * (which should be the order they happened in).
 */
export function byDateOldestFirst<T extends { readonly date: LocalDate }>(history: readonly T[]): T[] {
  return [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
