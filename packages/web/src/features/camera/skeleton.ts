import { FORM_THRESHOLDS, findKeypoint, type Keypoint, type KeypointName, type Pose } from '@hipwise/core';

/** The bones drawn between COCO keypoints (face, arms, trunk, legs). */
export const SKELETON_EDGES: readonly (readonly [KeypointName, KeypointName])[] = [
  ['left_ear', 'left_eye'],
  ['left_eye', 'nose'],
  ['nose', 'right_eye'],
  ['right_eye', 'right_ear'],
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
];

export const MIN_SCORE = FORM_THRESHOLDS.visibility.minKeypointScore;

/** The joints the model sees well enough to judge from (the same cut the form analysis uses). */
export function seenKeypoints(pose: Pose, minScore = MIN_SCORE): Keypoint[] {
  return pose.keypoints.filter((k) => k.score >= minScore && Number.isFinite(k.x) && Number.isFinite(k.y));
}

/** Bones whose two ends are both seen: a joint the model only guesses is never drawn. */
export function skeletonSegments(pose: Pose, minScore = MIN_SCORE): (readonly [Keypoint, Keypoint])[] {
  const out: (readonly [Keypoint, Keypoint])[] = [];
  for (const [a, b] of SKELETON_EDGES) {
    const ka = findKeypoint(pose, a);
    const kb = findKeypoint(pose, b);
    if (ka !== undefined && kb !== undefined && ka.score >= minScore && kb.score >= minScore)
      out.push([ka, kb]);
  }
  return out;
}

export interface SkeletonStyle {
  /** Bones and joints while the form is good (or when not judged). */
  readonly color: string;
  readonly lineWidth: number;
  readonly jointRadius: number;
}

/**
 * Draws the seen joints and bones onto a canvas the size of the video frame (keypoints are in
 * frame pixels), clearing it first. The canvas is laid over the video with the same aspect ratio.
 */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  pose: Pose | undefined,
  style: SkeletonStyle,
): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (pose === undefined) return;
  // Scale strokes with the frame so a 1280x720 camera draws as clearly as a 640x480 one.
  const unit = Math.max(1, ctx.canvas.width / 640);
  ctx.lineCap = 'round';
  ctx.lineWidth = style.lineWidth * unit;
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  for (const [a, b] of skeletonSegments(pose)) {
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  for (const k of seenKeypoints(pose)) {
    ctx.beginPath();
    ctx.arc(k.x, k.y, style.jointRadius * unit, 0, 2 * Math.PI);
    ctx.fill();
  }
}
