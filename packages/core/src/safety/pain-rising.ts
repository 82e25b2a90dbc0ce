import { MIN_PAIN_RATINGS, painWindow } from '../insights/change.js';
import type { LocalDate } from '../time/local-date.js';

/**
 * Daily pain rising (clinical.md, "Safety during the programme"): the mean of the daily check-ins
 * over the last 7 days is 2+ points, or 30%, above the baseline week's average, with at least 5
 * check-ins in the window (the same window and minimum as "pain now" in insights/change.ts).
 * 2 points or 30% is the smallest change most people feel as important (Farrar et al., Pain
 * 2001;94:149-158), read here in the worsening direction.
 */
export const PAIN_RISE_MIN_POINTS = 2;
export const PAIN_RISE_MIN_PERCENT = 30;

export interface PainRise {
  /** The first day of the 7-day window (today is the last). */
  readonly windowStart: LocalDate;
  readonly checkins: number;
  /** The window's mean, rounded to one decimal for showing. */
  readonly mean: number;
  readonly baselineWeekAverage: number;
}

/**
 * The rise, or null when pain is not rising by the rule (or there is no baseline). Check-ins dated
 * after `today` are ignored. 30% of a baseline of 0 is no rise at all, so then only the 2 points count.
 */
export function painRising(
  checkins: readonly { readonly date: LocalDate; readonly pain: number }[],
  baselineWeekAverage: number | null,
  today: LocalDate,
): PainRise | null {
  if (baselineWeekAverage === null) return null;
  const { from: windowStart, ratings: inWindow } = painWindow(checkins, today);
  const n = inWindow.length;
  if (n < MIN_PAIN_RATINGS) return null;
  const sum = inWindow.reduce((s, c) => s + c.pain, 0);
  const b = baselineWeekAverage;
  // Compared on sums (integers when the baseline is), so 30% is not lost to floating point.
  const byPoints = sum >= (b + PAIN_RISE_MIN_POINTS) * n;
  const byPercent = b > 0 && sum * 100 >= b * n * (100 + PAIN_RISE_MIN_PERCENT);
  if (!byPoints && !byPercent) return null;
  return { windowStart, checkins: n, mean: Math.round((sum / n) * 10) / 10, baselineWeekAverage: b };
}
