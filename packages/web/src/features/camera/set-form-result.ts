import type { HoldTimerState, SetSummary } from '@hipwise/core';

/** One set's form as the camera saw it; `formScore` goes into the session's `formScores`. */
export interface SetFormResult {
  readonly setIndex: number;
  /** 0-1 (two decimals): time-weighted share of checks passing; null when never judged. */
  readonly formScore: number | null;
  /** Whole seconds in good form (every check passing). */
  readonly goodFormSeconds: number;
  /** Whole seconds the camera watched the hold. */
  readonly totalSeconds: number;
  /** The time in good form reached the target hold. */
  readonly holdComplete: boolean;
}

const seconds = (ms: number) => Math.round(ms / 1000);

export function toSetFormResult(setIndex: number, s: SetSummary): SetFormResult {
  return {
    setIndex,
    formScore: s.formScore,
    goodFormSeconds: seconds(s.goodFormMs),
    totalSeconds: seconds(s.totalMs),
    holdComplete: s.holdComplete,
  };
}

/**
 * Whether a hold that ended has a result to report: the camera watched some of it. A hold with the
 * camera off throughout has none. One the camera watched but the model judged no frame of (a slow
 * device, a hold ended at once) still has one, "not seen", rather than vanishing from the list.
 */
export function holdWasWatched(ended: HoldTimerState, loopRanDuringHold: boolean): boolean {
  return loopRanDuringHold || ended.last !== undefined || ended.totalMs > 0;
}
