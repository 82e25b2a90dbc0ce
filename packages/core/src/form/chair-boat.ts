import { angle, distance, elevation, leanFromVertical } from './geometry.js';
import { fix, judged, notSeen, pass, type FormCheck, type FormResult } from './form-check.js';
import { uprightTrunk, type BoatPoseOptions } from './boat-options.js';
import type { Pose } from './keypoints.js';
import { readSideView } from './side-view.js';
import { FORM_THRESHOLDS } from './thresholds.js';

export type ChairBoatCheckId =
  'feet_down' | 'knees_bent' | 'trunk_lean' | 'hip_open' | 'arms_forward' | 'arms_straight' | 'arms_parallel';

export const CHAIR_BOAT_CUES = {
  feetDown: 'Feet down flat on the floor.',
  kneesBent: 'Bend your knees, feet under them.',
  leanBackMore: 'Lean back a little more.',
  leanBackLess: 'Come up a little, don’t touch the backrest.',
  hipOpen: 'Lean back past upright.',
  armsUp: 'Raise your arms to shoulder height.',
  armsDown: 'Lower your arms to shoulder height.',
  armsAhead: 'Arms straight ahead.',
  armsStraight: 'Straighten your arms.',
  armsParallel: 'Keep your arms parallel.',
} as const;

/**
 * Chair boat pose (program §3, chair version), from a side view: sitting near the front of the
 * seat, arms stretched straight ahead and parallel, trunk leaning back past vertical but not onto
 * the backrest, knees bent and feet down. Needs the near side's shoulder, elbow, wrist, hip, knee
 * and ankle; the far arm only for the parallel check.
 */
export function analyzeChairBoat(pose: Pose, options: BoatPoseOptions = {}): FormResult<ChairBoatCheckId> {
  const t = FORM_THRESHOLDS.chairBoat;
  const view = readSideView(pose, ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'], options);
  if (view.kind === 'cannot_see') return view;
  const { facing } = view;
  const shoulder = view.near('shoulder');
  const elbow = view.near('elbow');
  const wrist = view.near('wrist');
  const hip = view.near('hip');
  const knee = view.near('knee');
  const ankle = view.near('ankle');
  const checks: FormCheck<ChairBoatCheckId>[] = [];

  // Feet down: the shin hangs within 45 degrees of straight down (elevation -90).
  const shinFromVertical = Math.abs(elevation(knee, ankle, facing) + 90);
  checks.push(
    shinFromVertical <= t.maxShinFromVerticalDeg
      ? pass('feet_down', shinFromVertical)
      : fix('feet_down', CHAIR_BOAT_CUES.feetDown, shinFromVertical),
  );

  const kneeAngle = angle(hip, knee, ankle);
  checks.push(
    kneeAngle <= t.maxKneeDeg
      ? pass('knees_bent', kneeAngle)
      : fix('knees_bent', CHAIR_BOAT_CUES.kneesBent, kneeAngle),
  );

  const lean = leanFromVertical(hip, shoulder, facing) - uprightTrunk(options);
  checks.push(
    lean < t.minTrunkBackDeg
      ? fix('trunk_lean', CHAIR_BOAT_CUES.leanBackMore, lean)
      : lean > t.maxTrunkBackDeg
        ? fix('trunk_lean', CHAIR_BOAT_CUES.leanBackLess, lean)
        : pass('trunk_lean', lean),
  );

  const hipAngle = angle(shoulder, hip, knee);
  checks.push(
    hipAngle > t.minHipAngleDeg
      ? pass('hip_open', hipAngle)
      : fix('hip_open', CHAIR_BOAT_CUES.hipOpen, hipAngle),
  );

  const armElevation = elevation(shoulder, wrist, facing);
  checks.push(
    Math.abs(armElevation) > 90
      ? fix('arms_forward', CHAIR_BOAT_CUES.armsAhead, armElevation)
      : armElevation < -t.armToleranceDeg
        ? fix('arms_forward', CHAIR_BOAT_CUES.armsUp, armElevation)
        : armElevation > t.armToleranceDeg
          ? fix('arms_forward', CHAIR_BOAT_CUES.armsDown, armElevation)
          : pass('arms_forward', armElevation),
  );

  const elbowAngle = angle(shoulder, elbow, wrist);
  checks.push(
    elbowAngle >= t.minElbowDeg
      ? pass('arms_straight', elbowAngle)
      : fix('arms_straight', CHAIR_BOAT_CUES.armsStraight, elbowAngle),
  );

  // Parallel arms overlap side-on; judged only when the far arm is seen, and not when it is so
  // short in the image that its direction is noise.
  const farShoulder = view.far('shoulder');
  const farWrist = view.far('wrist');
  if (
    farShoulder === undefined ||
    farWrist === undefined ||
    distance(farShoulder, farWrist) < 0.5 * distance(shoulder, wrist)
  ) {
    checks.push(notSeen('arms_parallel'));
  } else {
    const difference = Math.abs(elevation(farShoulder, farWrist, facing) - armElevation);
    checks.push(
      difference <= t.maxArmElevationDifferenceDeg
        ? pass('arms_parallel', difference)
        : fix('arms_parallel', CHAIR_BOAT_CUES.armsParallel, difference),
    );
  }
  return judged(view, checks);
}
