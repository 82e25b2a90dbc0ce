import type { Facing } from './geometry.js';
import { forwardOffset, distance } from './geometry.js';
import {
  findKeypoint,
  otherSide,
  sidedName,
  type Joint,
  type Keypoint,
  type KeypointName,
  type Pose,
  type Side,
} from './keypoints.js';
import { FORM_THRESHOLDS } from './thresholds.js';

/**
 * The answer when the camera does not show what a judgement needs. Form is never judged from
 * joints that are not seen: the user gets camera-placement advice instead.
 */
export interface CannotSee {
  readonly kind: 'cannot_see';
  readonly reason: 'joints_not_seen' | 'not_side_on';
  /** The keypoints that were needed but not seen (empty for not_side_on). */
  readonly missing: readonly KeypointName[];
  /** What to tell the user, spoken or shown. */
  readonly advice: string;
}

export const CAMERA_ADVICE = {
  general: 'Turn side-on to the camera, with your whole body in view.',
  feet: 'Move the camera back or lower it so your feet are in view, side-on.',
  head: 'Move the camera back or raise it so your head is in view, side-on.',
  notSideOn: 'Turn side-on to the camera, so it sees you from the side.',
} as const;

/** A side view of a body: the side nearest the camera, read joint by joint, and the facing. */
export interface SideView {
  readonly kind: 'side_view';
  readonly side: Side;
  readonly facing: Facing;
  /** A joint of the near side that the caller required, hence seen. */
  near(joint: Joint): Keypoint;
  /** A joint of the far side, or undefined when it is not seen. */
  far(joint: Joint): Keypoint | undefined;
  /** Any keypoint, or undefined when it is not seen. */
  seen(name: KeypointName): Keypoint | undefined;
}

export interface ReadSideViewOptions {
  readonly minScore?: number;
}

/**
 * Picks the side facing the camera (the one whose required joints score higher), checks that all
 * of them are seen and that the body is side-on, and works out which way it faces.
 */
export function readSideView(
  pose: Pose,
  required: readonly Joint[],
  options: ReadSideViewOptions = {},
): SideView | CannotSee {
  const minScore = options.minScore ?? FORM_THRESHOLDS.visibility.minKeypointScore;
  const seen = (name: KeypointName): Keypoint | undefined => {
    const k = findKeypoint(pose, name);
    return k !== undefined && k.score >= minScore && Number.isFinite(k.x) && Number.isFinite(k.y)
      ? k
      : undefined;
  };
  const sideScore = (side: Side) =>
    required.reduce((sum, j) => sum + (findKeypoint(pose, sidedName(side, j))?.score ?? 0), 0);
  const side: Side = sideScore('left') >= sideScore('right') ? 'left' : 'right';

  const missing = required.map((j) => sidedName(side, j)).filter((n) => seen(n) === undefined);
  if (missing.length > 0) return cannotSee(missing);

  const near = (joint: Joint): Keypoint => {
    const k = seen(sidedName(side, joint));
    if (k === undefined) throw new Error(`near(${joint}) was not among the required joints`);
    return k;
  };
  const far = (joint: Joint) => seen(sidedName(otherSide(side), joint));

  const shoulder = seen(sidedName(side, 'shoulder'));
  const farShoulder = far('shoulder');
  const hip = seen(sidedName(side, 'hip'));
  if (shoulder !== undefined && farShoulder !== undefined && hip !== undefined) {
    const trunk = distance(shoulder, hip);
    const spread = Math.abs(shoulder.x - farShoulder.x);
    if (trunk > 0 && spread / trunk > FORM_THRESHOLDS.visibility.maxShoulderSpreadOfTrunk) {
      return { kind: 'cannot_see', reason: 'not_side_on', missing: [], advice: CAMERA_ADVICE.notSideOn };
    }
  }

  const facing = readFacing(
    seen(sidedName(side, 'hip')),
    seen(sidedName(side, 'knee')),
    seen('nose'),
    seen(sidedName(side, 'ear')),
  );
  if (facing === undefined) {
    return { kind: 'cannot_see', reason: 'not_side_on', missing: [], advice: CAMERA_ADVICE.notSideOn };
  }
  return { kind: 'side_view', side, facing, near, far, seen };
}

function readFacing(
  hip: Keypoint | undefined,
  knee: Keypoint | undefined,
  nose: Keypoint | undefined,
  ear: Keypoint | undefined,
): Facing | undefined {
  if (hip !== undefined && knee !== undefined) {
    const lead = knee.x - hip.x;
    if (Math.abs(lead) >= FORM_THRESHOLDS.visibility.minKneeLeadOfThigh * distance(hip, knee)) {
      return lead > 0 ? 1 : -1;
    }
  }
  if (nose !== undefined && ear !== undefined && nose.x !== ear.x) {
    // The nose is ahead of the ear whichever way the head is tilted.
    return forwardOffset(ear, nose, 1) > 0 ? 1 : -1;
  }
  return undefined;
}

function cannotSee(missing: readonly KeypointName[]): CannotSee {
  const lower = missing.some((n) => n.endsWith('ankle') || n.endsWith('knee'));
  const upper = missing.some((n) => n.endsWith('ear') || n === 'nose' || n.endsWith('eye'));
  const advice =
    lower && !upper ? CAMERA_ADVICE.feet : upper && !lower ? CAMERA_ADVICE.head : CAMERA_ADVICE.general;
  return { kind: 'cannot_see', reason: 'joints_not_seen', missing, advice };
}
