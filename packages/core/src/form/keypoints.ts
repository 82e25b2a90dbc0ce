/**
 * The 17 body keypoints of the COCO convention, in COCO order: the order MoveNet (and most 2-D
 * pose models) emit them. Form analysis reads keypoints by name, never by position, so a model
 * with another order only needs a mapping at the edge.
 */
export const KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** One detected joint: x, y in pixels of the analysed frame (y grows downwards), score in 0..1. */
export interface Keypoint {
  readonly name: KeypointName;
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

/** A whole-body pose: the 17 keypoints, in COCO order. */
export interface Pose {
  readonly keypoints: readonly Keypoint[];
}

/** The joints that exist on each side of the body, without the side prefix. */
export type Joint = 'eye' | 'ear' | 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle';
export type Side = 'left' | 'right';

export function sidedName(side: Side, joint: Joint): KeypointName {
  return `${side}_${joint}`;
}

export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** Looks a keypoint up by name; undefined when the pose does not carry it. */
export function findKeypoint(pose: Pose, name: KeypointName): Keypoint | undefined {
  const atIndex = pose.keypoints[KEYPOINT_NAMES.indexOf(name)];
  if (atIndex?.name === name) return atIndex;
  return pose.keypoints.find((k) => k.name === name);
}
