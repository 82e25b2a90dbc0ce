/**
 * Change since baseline, and whether it is big enough to matter, and whether it is too early to say.
 *
 * Pain (0-10 NRS): "a reduction of approximately two points or a reduction of approximately 30% in
 * the PI-NRS represented a clinically important difference" (Farrar et al., Pain 2001;94:149-158,
 * abstract as indexed in PubMed 11690728). Farrar derived the thresholds for *improvement*; for
 * worsening we use the 2-point rule only, because a percentage of a low baseline (1 -> 2 is +100%)
 * would flag changes nobody would notice.
 *
 * PEG: the mean of three 0-10 items from the Brief Pain Inventory (Krebs et al., J Gen Intern Med
 * 2009;24:733-738), on the same 0-10 scale as the pain NRS, so the same rule applies. Anchor-based
 * minimally important differences for the PEG are mostly 1.0-1.75 points (Reed et al., J Pain
 * 2024;25:142-152, six trials, n=1,710), so 2 points or 30% is at or above them: a change flagged
 * here is one most people would feel.
 *
 * RMDQ: 5 points or 30% of the baseline (Ostelo et al., Spine 2008;33:90-94, the consensus on
 * minimal important change in back pain; clinical.md), so a low baseline can still improve
 * meaningfully. Worsening: 5 points, for the same reason as pain.
 *
 * PSS-4 has no agreed threshold: change is shown, never flagged.
 *
 * Like with like, and not too soon (clinical.md): the pain baseline is the recalled "average over
 * the last week", so it is compared with the mean of the daily ratings of the last 7 days, and only
 * with at least 5 of them; and nothing is called meaningful before day 14 of the programme, since
 * back pain fluctuates from week to week. Lower is better on every one of these measures.
 */
import type { LocalDate } from '../time/local-date.js';
import { addDays } from '../time/local-date.js';
import { mean } from './stats.js';

export type ChangeMeasure = 'pain' | 'rmdq' | 'peg' | 'pss4';

export type ChangeDirection = 'better' | 'worse' | 'unchanged';

/** The earliest programme day (1 = the start date) on which a change may be called meaningful. */
export const EARLIEST_CLAIM_DAY = 14;
/** Daily ratings averaged for "pain now", and the fewest that make a fair weekly mean. */
export const PAIN_WINDOW_DAYS = 7;
export const MIN_PAIN_RATINGS = 5;

/** Why a verdict is withheld: what there is so far against what is needed. */
export type TooEarlyReason =
  | { readonly reason: 'programme_day'; readonly have: number; readonly need: number }
  | { readonly reason: 'ratings'; readonly have: number; readonly need: number };

export interface Change {
  readonly measure: ChangeMeasure;
  readonly baseline: number;
  readonly current: number;
  /** current - baseline (negative = less pain/disability/stress). */
  readonly delta: number;
  /** delta as a fraction of baseline, e.g. -0.3; null when baseline is 0. */
  readonly relative: number | null;
  readonly direction: ChangeDirection;
  /** Past the published threshold; null when the measure has none or when it is too early to tell. */
  readonly meaningful: boolean | null;
  /** Non-empty when it is too early to call any change meaningful; null otherwise. */
  readonly tooEarly: readonly TooEarlyReason[] | null;
}

// Tolerance for averaged values (e.g. 6.0 - 4.2 = 1.7999999999999998 must still not reach 2,
// while 5 -> 3.5 must reach 30%).
const EPS = 1e-9;

interface Threshold {
  /** Points either way. */
  readonly points: number;
  /** Fraction of baseline, for improvement only. */
  readonly improvementFraction: number;
}

const THRESHOLDS: Readonly<Record<ChangeMeasure, Threshold | null>> = {
  pain: { points: 2, improvementFraction: 0.3 },
  peg: { points: 2, improvementFraction: 0.3 },
  rmdq: { points: 5, improvementFraction: 0.3 },
  pss4: null,
};

/** The verdict on the numbers alone, with no regard to timing. */
export function changeSinceBaseline(measure: ChangeMeasure, baseline: number, current: number): Change {
  const delta = current - baseline;
  const relative = baseline === 0 ? null : delta / baseline;
  const direction: ChangeDirection = delta < 0 ? 'better' : delta > 0 ? 'worse' : 'unchanged';
  const t = THRESHOLDS[measure];
  const meaningful =
    t === null
      ? null
      : Math.abs(delta) >= t.points - EPS ||
        (direction === 'better' && relative !== null && -relative >= t.improvementFraction - EPS);
  return { measure, baseline, current, delta, relative, direction, meaningful, tooEarly: null };
}

export interface ChangeClaimInput {
  readonly measure: ChangeMeasure;
  readonly baseline: number;
  readonly current: number;
  /** The programme day (1 = start) of the current value. */
  readonly programDay: number;
  /** For pain: how many daily ratings the current mean rests on. */
  readonly ratings?: number;
}

/**
 * What hipwise may say about a change: the numbers always, a verdict only from day 14 of the
 * programme and, for pain, from 5 ratings in the window. Otherwise `tooEarly` says what is missing.
 */
export function changeClaim(input: ChangeClaimInput): Change {
  const c = changeSinceBaseline(input.measure, input.baseline, input.current);
  const reasons = tooEarlyReasons(input.measure, input.programDay, input.ratings);
  return reasons === null ? c : { ...c, meaningful: null, tooEarly: reasons };
}

/**
 * What is missing before a change of this measure may be judged, or null when nothing is (always
 * null for a measure with no threshold: there is no verdict to wait for).
 */
export function tooEarlyReasons(
  measure: ChangeMeasure,
  programDay: number,
  ratings?: number,
): TooEarlyReason[] | null {
  if (THRESHOLDS[measure] === null) return null;
  const reasons: TooEarlyReason[] = [];
  if (programDay < EARLIEST_CLAIM_DAY) {
    reasons.push({ reason: 'programme_day', have: Math.max(0, programDay), need: EARLIEST_CLAIM_DAY });
  }
  if (measure === 'pain' && (ratings ?? 0) < MIN_PAIN_RATINGS) {
    reasons.push({ reason: 'ratings', have: ratings ?? 0, need: MIN_PAIN_RATINGS });
  }
  return reasons.length === 0 ? null : reasons;
}

/**
 * The daily pain ratings of the 7 days ending on `today` (later ones ignored): the window both
 * "pain now" and the daily-pain-rising safety rule average.
 */
export function painWindow<R extends { readonly date: LocalDate; readonly pain: number }>(
  ratings: readonly R[],
  today: LocalDate,
): { readonly from: LocalDate; readonly ratings: readonly R[] } {
  const from = addDays(today, -(PAIN_WINDOW_DAYS - 1));
  return { from, ratings: ratings.filter((r) => r.date >= from && r.date <= today) };
}

/** The mean of the daily pain ratings in the 7 days ending on `today`, and how many there were. */
export function recentPain(
  ratings: readonly { readonly date: LocalDate; readonly pain: number }[],
  today: LocalDate,
): { readonly mean: number | null; readonly count: number } {
  const recent = painWindow(ratings, today).ratings;
  return { mean: mean(recent.map((r) => r.pain)), count: recent.length };
}
