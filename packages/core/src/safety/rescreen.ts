import { addDays, type LocalDate } from '../time/local-date.js';
import type { PainRise } from './pain-rising.js';
import { NBSP, plural } from '../text/units.js';

/** Screen again every 12 weeks (clinical.md). */
export const RESCREEN_INTERVAL_DAYS = 12 * 7;

/**
 * Why the safety questions are offered again. (New symptoms are the user's own call: the app
 * always offers a way to report them. A safety pause carries its own offer in the block.)
 * - `due`: 12 weeks or more since the last screening;
 * - `pain_rising`: daily pain is rising (pain-rising.ts) and no screening was answered since the
 *   7-day window began;
 * - `questions_changed`: the last screening was answered before some of today's questions existed.
 */
export type RescreenReason = 'due' | 'pain_rising' | 'questions_changed';

export interface RescreenInput {
  readonly today: LocalDate;
  /** The latest screening's date, and whether it answered every current question; null if none yet. */
  readonly latestScreening: { readonly date: LocalDate; readonly currentQuestions: boolean } | null;
  readonly painRise: PainRise | null;
}

/** The reasons to offer the screening again today, most pressing first; empty when none. */
export function rescreenReasons({ today, latestScreening, painRise }: RescreenInput): RescreenReason[] {
  if (latestScreening === null) return [];
  const reasons: RescreenReason[] = [];
  if (painRise && latestScreening.date < painRise.windowStart) reasons.push('pain_rising');
  if (!latestScreening.currentQuestions) reasons.push('questions_changed');
  if (addDays(latestScreening.date, RESCREEN_INTERVAL_DAYS) <= today) reasons.push('due');
  return reasons;
}

/** What each reason says, in plain words; the pain rise adds its numbers (see `painRiseText`). */
export const RESCREEN_WORDING: Readonly<Record<RescreenReason, string>> = {
  pain_rising:
    'Your daily pain has gone up. Please answer the safety questions again, and see a doctor or physiotherapist about it.',
  questions_changed:
    'The safety questions have changed since you last answered them (there are new ones about infection, bones and steroids). Please answer them again.',
  due: 'It is 12\u00a0weeks or more since you last answered the safety questions. Please answer them again, so they still describe you.',
};

/** e.g. "Over the last 7 days your pain averaged 6.2 (5 check-ins), up from 3 in the week before you started." */
export function painRiseText(r: PainRise): string {
  return `Over the last 7${NBSP}days your pain averaged ${r.mean} (${plural(r.checkins, 'check-in')}), up from ${r.baselineWeekAverage} on average in the week before you started.`;
}
