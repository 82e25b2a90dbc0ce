import type { SittingIssue, SittingPosture } from '@hipwise/core';

/**
 * The posture check's nudge rule, as a reducer over samples (one a second): nudge after
 * `nudgeAfter` bad samples in a row, then stay quiet for `cooldownMs` however the user sits, so
 * a reminder helps rather than nags. A sample where the camera cannot see the user neither
 * counts as bad nor breaks the run: one missed frame must not hide a long slouch, and nobody is
 * nudged for being out of view.
 */
export interface PostureSamplerOptions {
  readonly nudgeAfter: number;
  readonly cooldownMs: number;
}

export const DEFAULT_POSTURE_SAMPLER: PostureSamplerOptions = { nudgeAfter: 5, cooldownMs: 2 * 60_000 };

export type PostureSample =
  { readonly kind: 'judged'; readonly posture: SittingPosture } | { readonly kind: 'cannot_see' };

export interface PostureSamplerState {
  /** Bad samples in a row so far (reset by an upright sample and by a nudge). */
  readonly badStreak: number;
  /** The latest bad posture of the run: what a nudge is about. */
  readonly lastIssue: SittingIssue | undefined;
  readonly lastNudgeAtMs: number | undefined;
  /** Every sample taken, and those judged upright: the session's tally shown to the user. */
  readonly samples: number;
  readonly uprightSamples: number;
}

export const INITIAL_POSTURE_SAMPLER: PostureSamplerState = {
  badStreak: 0,
  lastIssue: undefined,
  lastNudgeAtMs: undefined,
  samples: 0,
  uprightSamples: 0,
};

export interface SampleOutcome {
  readonly state: PostureSamplerState;
  /** Set when this sample triggers a nudge: the posture to nudge about. */
  readonly nudge: SittingIssue | undefined;
}

export function inCooldown(
  state: PostureSamplerState,
  atMs: number,
  options: PostureSamplerOptions,
): boolean {
  return state.lastNudgeAtMs !== undefined && atMs - state.lastNudgeAtMs < options.cooldownMs;
}

export function samplePosture(
  state: PostureSamplerState,
  sample: PostureSample,
  atMs: number,
  options: PostureSamplerOptions = DEFAULT_POSTURE_SAMPLER,
): SampleOutcome {
  const samples = state.samples + 1;
  if (sample.kind === 'cannot_see') return { state: { ...state, samples }, nudge: undefined };
  if (sample.posture === 'upright') {
    return {
      state: {
        ...state,
        samples,
        uprightSamples: state.uprightSamples + 1,
        badStreak: 0,
        lastIssue: undefined,
      },
      nudge: undefined,
    };
  }
  const badStreak = state.badStreak + 1;
  const lastIssue = sample.posture;
  if (badStreak >= options.nudgeAfter && !inCooldown(state, atMs, options)) {
    return {
      state: { ...state, samples, badStreak: 0, lastIssue: undefined, lastNudgeAtMs: atMs },
      nudge: lastIssue,
    };
  }
  return { state: { ...state, samples, badStreak, lastIssue }, nudge: undefined };
}
