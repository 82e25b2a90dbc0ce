import { FORM_THRESHOLDS } from './thresholds.js';

export interface BoatPoseOptions {
  /**
   * The trunk angle this user's upright sitting reads as (from `calibrateSitting`); trunk lean
   * is judged from it. Default: MoveNet's typical seated reading. Pass 0 for exact keypoints
   * (e.g. generated stick figures).
   */
  readonly uprightTrunkDeg?: number;
  readonly minScore?: number;
}

export const uprightTrunk = (options: BoatPoseOptions): number =>
  options.uprightTrunkDeg ?? FORM_THRESHOLDS.uprightReference.trunkDeg;
