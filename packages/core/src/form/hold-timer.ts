import type { FormResult } from './form-check.js';
import { FORM_THRESHOLDS } from './thresholds.js';

/**
 * The hold timer of one exercise set, as a reducer over analysed frames. Time counts as "in good
 * form" only while every check passes: each frame's verdict holds until the next frame, so the
 * interval between two frames is credited to the earlier one. Gaps longer than `maxFrameGapMs`
 * (camera stalled, tab hidden) are credited to nothing.
 */
export interface HoldTimerState {
  readonly targetMs: number;
  /** The previous frame: its time, whether it was judged, its share of passing checks. */
  readonly last: { readonly atMs: number; readonly judged: boolean; readonly passShare: number } | undefined;
  readonly goodFormMs: number;
  readonly judgedMs: number;
  /** Sum over judged time of the share of checks passing, for the form score. */
  readonly passShareMs: number;
  readonly unseenMs: number;
  readonly totalMs: number;
}

export interface SetSummary {
  /**
   * 0-1 (two decimals): the time-weighted share of form checks passing while the camera could
   * judge; null when it never could. Matches `formScores` of the exercise-session contract.
   */
  readonly formScore: number | null;
  readonly goodFormMs: number;
  readonly totalMs: number;
  /** Time the camera could not judge (not side-on, joints not seen). */
  readonly unseenMs: number;
  /** True once the time in good form reached the target hold. */
  readonly holdComplete: boolean;
}

export type HoldTimerEvent =
  | { readonly type: 'frame'; readonly atMs: number; readonly result: FormResult<string> }
  /** A pause (the user stopped, or the camera was turned off): the next frame starts afresh. */
  | { readonly type: 'pause' };

export function startHold(targetMs: number): HoldTimerState {
  return { targetMs, last: undefined, goodFormMs: 0, judgedMs: 0, passShareMs: 0, unseenMs: 0, totalMs: 0 };
}

export function holdTimer(state: HoldTimerState, event: HoldTimerEvent): HoldTimerState {
  switch (event.type) {
    case 'pause':
      return { ...state, last: undefined };
    case 'frame': {
      const { result, atMs } = event;
      const judged = result.kind === 'judged';
      const scored = judged ? result.checks.filter((c) => c.status !== 'not_seen') : [];
      const passShare =
        scored.length === 0 ? 0 : scored.filter((c) => c.status === 'pass').length / scored.length;
      const next = { atMs, judged, passShare };
      const prev = state.last;
      if (prev === undefined || atMs <= prev.atMs) return { ...state, last: next };
      const dt = atMs - prev.atMs;
      if (dt > FORM_THRESHOLDS.holdTimer.maxFrameGapMs) return { ...state, last: next };
      const prevAllPass = prev.judged && prev.passShare === 1;
      return {
        ...state,
        last: next,
        totalMs: state.totalMs + dt,
        goodFormMs: state.goodFormMs + (prevAllPass ? dt : 0),
        judgedMs: state.judgedMs + (prev.judged ? dt : 0),
        passShareMs: state.passShareMs + (prev.judged ? dt * prev.passShare : 0),
        unseenMs: state.unseenMs + (prev.judged ? 0 : dt),
      };
    }
  }
}

export function summarizeSet(state: HoldTimerState): SetSummary {
  return {
    formScore: state.judgedMs === 0 ? null : Math.round((100 * state.passShareMs) / state.judgedMs) / 100,
    goodFormMs: state.goodFormMs,
    totalMs: state.totalMs,
    unseenMs: state.unseenMs,
    holdComplete: state.goodFormMs >= state.targetMs,
  };
}
