import {
  analyzeChairBoat,
  analyzeFloorBoat,
  analyzeSitting,
  type CannotSee,
  type FormResult,
  type Pose,
  type SittingCalibration,
  type SittingJudged,
} from '@hipwise/core';

/** What the camera coach watches: one of the two boat poses, or the user's sitting. */
export type CoachMode = 'chair' | 'floor' | 'sitting';
export type ExerciseMode = Exclude<CoachMode, 'sitting'>;

export type CoachJudgement =
  | { readonly mode: 'sitting'; readonly result: SittingJudged | CannotSee }
  | { readonly mode: ExerciseMode; readonly result: FormResult<string> };

export interface CoachAnalysisOptions {
  /**
   * The user's own upright sitting. For the posture check it is the reference for leaning back
   * and slouching; for the boat poses it is where "trunk leaning back" is measured from.
   */
  readonly calibration?: SittingCalibration | undefined;
}

/** Runs core's analysis for the mode on one (smoothed) pose. Pure. */
export function analyzeForMode(
  mode: CoachMode,
  pose: Pose,
  options: CoachAnalysisOptions = {},
): CoachJudgement {
  const calibration = options.calibration;
  switch (mode) {
    case 'sitting':
      return { mode, result: analyzeSitting(pose, calibration === undefined ? {} : { calibration }) };
    case 'chair':
      return { mode, result: analyzeChairBoat(pose, boatOptions(calibration)) };
    case 'floor':
      return { mode, result: analyzeFloorBoat(pose, boatOptions(calibration)) };
  }
}

function boatOptions(calibration: SittingCalibration | undefined) {
  return calibration === undefined ? {} : { uprightTrunkDeg: calibration.trunkDeg };
}

/**
 * The one line to show or say now: camera-placement advice when the user cannot be judged, the
 * most fundamental fix otherwise; undefined when all is well.
 */
export function cueOf(judgement: CoachJudgement): string | undefined {
  const r = judgement.result;
  return r.kind === 'cannot_see' ? r.advice : r.cue;
}

/** True when an exercise frame passes every check: the hold timer counts. */
export function formPasses(judgement: CoachJudgement): boolean {
  const r = judgement.result;
  return judgement.mode !== 'sitting' && r.kind === 'judged' && 'allPass' in r && r.allPass;
}
