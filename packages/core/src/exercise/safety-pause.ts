import { addDays, type LocalDate } from '../time/local-date.js';
import { classifySession, type ExerciseSessionRecord } from './session-record.js';

/**
 * Two painful sessions within 7 days pause the whole programme and advise seeing a doctor or
 * physiotherapist (clinical.md, "Safety during the programme"). A session is painful when it was
 * stopped for pain or pain afterwards was 2+ points above pain before (`classifySession`).
 * Repeated pain during a gentle exercise is a pattern someone should look at, whatever the
 * red-flag answers were.
 */
export const PAUSE_WINDOW_DAYS = 7;

/** One painful session, with why it counted, so the pause can say so in plain words. */
export interface PainfulSession {
  readonly date: LocalDate;
  readonly reason: 'stopped_for_pain' | 'pain_rose';
  readonly painBefore: number | null;
  readonly painAfter: number | null;
}

export type SafetyPause =
  | { readonly paused: false }
  | {
      readonly paused: true;
      /** The dates of the two painful sessions, within 7 days of each other, that started the pause. */
      readonly triggeredBy: readonly [LocalDate, LocalDate];
      /** The same two sessions with why each counted. */
      readonly triggers: readonly [PainfulSession, PainfulSession];
      /** The latest painful session; only a lift dated after it ends the pause. */
      readonly lastStop: LocalDate;
    };

export const SAFETY_PAUSE_ADVICE = {
  title: 'Your programme is paused',
  text: 'You had two painful exercise sessions within a week. That is worth a check by a doctor or physiotherapist before you carry on. You can keep tracking your pain and stress in the meantime.',
  howToResume:
    'When a doctor or physiotherapist has checked you and cleared you to exercise, record it here (dated after your last painful session), or answer the safety questions again on a later day. If nothing in them needs attention, the programme carries on where you left it.',
} as const;

function painful(s: ExerciseSessionRecord): PainfulSession {
  return {
    date: s.date,
    reason: s.stoppedEarly === 'pain' ? 'stopped_for_pain' : 'pain_rose',
    painBefore: s.painBefore,
    painAfter: s.painAfter,
  };
}

/**
 * Whether the programme is paused for repeated pain, on `today`.
 *
 * - Sessions dated after `today` are ignored (a clock that ran ahead must not pause anyone early).
 * - Two painful sessions at most 6 days apart (both inside one 7-day window) start a pause.
 * - `lifts` are the dates of the user's clear screenings and of the days clinicians cleared them
 *   (active clearances). A lift dated after the latest painful session ends a pause that is on;
 *   sessions before it then no longer count, so one new painful session does not pause again at
 *   once. A lift on the same date as a painful session does not end it: with dates alone we cannot
 *   tell which came first, so the user records it again the next day.
 * - A lift when no pause is on changes nothing: a painful session before it still pairs with one after.
 * The pause does not wear off with time: someone has to have looked.
 */
export function safetyPause(
  history: readonly ExerciseSessionRecord[],
  today: LocalDate,
  lifts: readonly LocalDate[],
): SafetyPause {
  const sessions = history
    .filter((s) => s.date <= today && classifySession(s) === 'painful')
    .map(painful)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const pending = lifts.filter((d) => d <= today).sort();

  let counted: PainfulSession[] = [];
  let trigger: [PainfulSession, PainfulSession] | null = null;
  const reachLift = (at: LocalDate) => {
    const last = counted.at(-1);
    if (trigger && last !== undefined && last.date < at) {
      trigger = null;
      counted = [];
    }
  };

  let next = 0;
  for (const s of sessions) {
    // Lifts on a session's own date count as after it, so they can never lift it.
    while (next < pending.length && pending[next]! < s.date) reachLift(pending[next++]!);
    const previous = counted.at(-1);
    counted.push(s);
    if (!trigger && previous !== undefined && addDays(previous.date, PAUSE_WINDOW_DAYS - 1) >= s.date) {
      trigger = [previous, s];
    }
  }
  while (next < pending.length) reachLift(pending[next++]!);

  const last = counted.at(-1);
  if (!trigger || last === undefined) return { paused: false };
  const [a, b] = trigger;
  return { paused: true, triggeredBy: [a.date, b.date], triggers: [a, b], lastStop: last.date };
}
