import type { Facing } from './geometry.js';
import type { Side } from './keypoints.js';
import type { CannotSee } from './side-view.js';

/**
 * One form check: pass, or fix with a short cue to speak. `not_seen` is for optional checks whose
 * joints the camera does not show (e.g. the far arm): they neither pass nor fail.
 */
export type CheckStatus = 'pass' | 'fix' | 'not_seen';

export interface FormCheck<Id extends string> {
  readonly id: Id;
  readonly status: CheckStatus;
  /** What to say when the check needs a fix; undefined otherwise. */
  readonly cue: string | undefined;
  /** The measured quantity the check judged (degrees or a ratio), for display and debugging. */
  readonly value: number | undefined;
}

export interface FormJudged<Id extends string> {
  readonly kind: 'judged';
  readonly side: Side;
  readonly facing: Facing;
  /** In the order cues should be given: the most fundamental fix first. */
  readonly checks: readonly FormCheck<Id>[];
  /** True when no check needs a fix: the hold timer runs. */
  readonly allPass: boolean;
  /** The cue of the first check that needs a fix. */
  readonly cue: string | undefined;
}

export type FormResult<Id extends string> = FormJudged<Id> | CannotSee;

export const pass = <Id extends string>(id: Id, value?: number): FormCheck<Id> => ({
  id,
  status: 'pass',
  cue: undefined,
  value,
});

export const fix = <Id extends string>(id: Id, cue: string, value?: number): FormCheck<Id> => ({
  id,
  status: 'fix',
  cue,
  value,
});

export const notSeen = <Id extends string>(id: Id): FormCheck<Id> => ({
  id,
  status: 'not_seen',
  cue: undefined,
  value: undefined,
});

export function judged<Id extends string>(
  view: { side: Side; facing: Facing },
  checks: readonly FormCheck<Id>[],
): FormJudged<Id> {
  const firstFix = checks.find((c) => c.status === 'fix');
  return {
    kind: 'judged',
    side: view.side,
    facing: view.facing,
    checks,
    allPass: firstFix === undefined,
    cue: firstFix?.cue,
  };
}
