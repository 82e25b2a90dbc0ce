import { addDays, type LocalDate } from '../time/local-date.js';
import type { ExerciseSessionRecord } from './session-record.js';

/**
 * Two stops for pain within 7 days pause the whole programme and advise seeing a clinician
 * (issue 3). Repeated sharp or spreading pain during a gentle exercise is a pattern someone should
 * look at, whatever the red-flag answers were.
 */
export const PAUSE_WINDOW_DAYS = 7;

export type SafetyPause =
  | { readonly paused: false }
  | {
      readonly paused: true;
      /** The two stops, within 7 days of each other, that started the pause. */
      readonly triggeredBy: readonly [LocalDate, LocalDate];
      /** The latest stop for pain; a clear screening on a later date lifts the pause. */
      readonly lastStop: LocalDate;
    };

export const SAFETY_PAUSE_ADVICE = {
  title: 'Your programme is paused',
  text: 'You stopped the exercise for pain twice within a week. That is worth a check by a doctor or physiotherapist before you carry on. You can keep tracking your pain and stress in the meantime.',
  howToResume:
    'When you have been checked, answer the safety questions again, on a later day than your last stop. If nothing in them needs attention, the programme carries on where you left it.',
} as const;

/**
 * Whether the programme is paused for repeated pain, on `today`.
 *
 * - Stops for pain dated after `today` are ignored (a clock that ran ahead must not pause anyone early).
 * - Two stops at most 6 days apart (both inside one 7-day window) start a pause.
 * - A clear screening lifts a pause that is on at the time; stops before it then no longer count,
 *   so one new stop does not pause again at once. A screening on the same date as a stop does not
 *   lift it: with dates alone we cannot tell whether it came before or after the stop, so the user
 *   answers again the next day (in keeping with the advice to get checked first).
 * - A clear screening when no pause is on changes nothing: a stop before it still pairs with a stop
 *   after it.
 *
 * `latestClearScreening` is the date of the user's latest screening if its outcome was clear, else
 * null. Only the latest is known, so an earlier pause is taken to have lasted until it: in the rare
 * case of a pause lifted by an earlier screening, stops between that lift and this screening are
 * also cleared.
 */
export function safetyPause(
  history: readonly ExerciseSessionRecord[],
  today: LocalDate,
  latestClearScreening: LocalDate | null,
): SafetyPause {
  const stops = history
    .filter((s) => s.stoppedEarly === 'pain' && s.date <= today)
    .map((s) => s.date)
    .sort();

  let counted: LocalDate[] = [];
  let trigger: [LocalDate, LocalDate] | null = null;
  // The screening not yet reached in date order; null once passed (or if there is none).
  let screening = latestClearScreening;
  // Stops on the screening's own date count as before it, so they can never be lifted by it.
  const reachScreening = (at: LocalDate) => {
    const last = counted.at(-1);
    if (trigger && last !== undefined && last < at) {
      trigger = null;
      counted = [];
    }
  };

  for (const stop of stops) {
    if (screening !== null && stop > screening) {
      reachScreening(screening);
      screening = null;
    }
    const previous = counted.at(-1);
    counted.push(stop);
    if (!trigger && previous !== undefined && addDays(previous, PAUSE_WINDOW_DAYS - 1) >= stop) {
      trigger = [previous, stop];
    }
  }
  if (screening !== null) reachScreening(screening);

  const lastStop = counted.at(-1);
  return trigger && lastStop !== undefined
    ? { paused: true, triggeredBy: trigger, lastStop }
    : { paused: false };
}
