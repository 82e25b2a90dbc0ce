import { distance, leanFromVertical, upOffset, angle, type Point2 } from './geometry.js';
import { fix, judged, pass, type FormCheck, type FormResult } from './form-check.js';
import { uprightTrunk, type BoatPoseOptions } from './boat-options.js';
import type { Pose } from './keypoints.js';
import { readSideView } from './side-view.js';
import { FORM_THRESHOLDS } from './thresholds.js';

export type FloorBoatCheckId = 'seated_low' | 'feet_down' | 'knees_bent' | 'chest_lifted' | 'hands_released';

export const FLOOR_BOAT_CUES = {
  seatedLow: 'Sit on the floor for this one.',
  feetDown: 'Feet down flat on the floor.',
  kneesBent: 'Bend your knees up more.',
  leanBackMore: 'Lift your chest and lean back a little.',
  leanBackLess: 'Sit up taller, chest lifted.',
  letGo: 'Let go of your shins.',
} as const;

/**
 * Floor boat pose (program §3, floor version), from a side view: sitting on the floor, knees bent
 * up, feet flat, chest lifted with the trunk leaning back, hands let go of the shins. Needs the
 * near side's shoulder, wrist, hip, knee and ankle.
 */
export function analyzeFloorBoat(pose: Pose, options: BoatPoseOptions = {}): FormResult<FloorBoatCheckId> {
  const t = FORM_THRESHOLDS.floorBoat;
  const view = readSideView(pose, ['shoulder', 'wrist', 'hip', 'knee', 'ankle'], options);
  if (view.kind === 'cannot_see') return view;
  const { facing } = view;
  const shoulder = view.near('shoulder');
  const hip = view.near('hip');
  const knee = view.near('knee');
  const ankle = view.near('ankle');
  const thigh = distance(hip, knee);
  const checks: FormCheck<FloorBoatCheckId>[] = [];

  // Hip height over the ankles, in thigh lengths: ~0 on the floor, ~1 on a chair.
  const hipAboveAnkle = upOffset(ankle, hip) / thigh;
  checks.push(
    hipAboveAnkle <= t.maxHipAboveAnkleOfThigh
      ? pass('seated_low', hipAboveAnkle)
      : fix('seated_low', FLOOR_BOAT_CUES.seatedLow, hipAboveAnkle),
  );
  checks.push(
    -hipAboveAnkle <= t.maxAnkleAboveHipOfThigh
      ? pass('feet_down', -hipAboveAnkle)
      : fix('feet_down', FLOOR_BOAT_CUES.feetDown, -hipAboveAnkle),
  );

  const kneeAngle = angle(hip, knee, ankle);
  checks.push(
    kneeAngle <= t.maxKneeDeg
      ? pass('knees_bent', kneeAngle)
      : fix('knees_bent', FLOOR_BOAT_CUES.kneesBent, kneeAngle),
  );

  const lean = leanFromVertical(hip, shoulder, facing) - uprightTrunk(options);
  checks.push(
    lean < t.minTrunkBackDeg
      ? fix('chest_lifted', FLOOR_BOAT_CUES.leanBackMore, lean)
      : lean > t.maxTrunkBackDeg
        ? fix('chest_lifted', FLOOR_BOAT_CUES.leanBackLess, lean)
        : pass('chest_lifted', lean),
  );

  const trunk = distance(hip, shoulder);
  const wrists = [view.near('wrist'), view.far('wrist')].filter((w) => w !== undefined);
  const holding = wrists.some((w) => holdsShin(w, knee, ankle, trunk));
  checks.push(holding ? fix('hands_released', FLOOR_BOAT_CUES.letGo) : pass('hands_released'));
  return judged(view, checks);
}

/**
 * A wrist on the shin: close to the knee->ankle line and along it (not at or above the knee,
 * where arms reaching forward pass in a side view).
 */
function holdsShin(wrist: Point2, knee: Point2, ankle: Point2, trunk: number): boolean {
  const t = FORM_THRESHOLDS.floorBoat;
  const dx = ankle.x - knee.x;
  const dy = ankle.y - knee.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return false;
  const along = ((wrist.x - knee.x) * dx + (wrist.y - knee.y) * dy) / len2;
  if (along < t.minHoldAlongShin || along > 1) return false;
  const off = Math.abs((wrist.x - knee.x) * dy - (wrist.y - knee.y) * dx) / Math.sqrt(len2);
  return off <= t.maxHoldDistanceOfTrunk * trunk;
}
