import type { Keypoint, KeypointName, Pose } from '@hipwise/core';

/**
 * Where the next frame is read from: a square of the frame, in frame pixels (top-left corner and
 * side). It may reach past the frame where the frame is narrower than the square; that part is
 * read as black, as the letterbox bars are.
 */
export interface CropRegion {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export interface CropTrackerOptions {
  /** A keypoint at or above this score counts for the crop (tfjs-models: 0.2). */
  readonly minScore: number;
  /** Half the side is at least this many times the torso's reach from the hips (tfjs-models: 1.9)... */
  readonly torsoFactor: number;
  /** ...and the body's (every counted keypoint's) reach from the hips (tfjs-models: 1.2). */
  readonly bodyFactor: number;
  /**
   * The smallest side, as a fraction of the frame's longer side: below it the model would only
   * see upscaled pixels, and a spurious low-scoring detection could shrink the crop onto itself.
   */
  readonly minSizeFraction: number;
  /** Weight of the new square against the last one when the person stays inside it (0..1]. */
  readonly smoothing: number;
  /**
   * A counted keypoint this close to an edge of the last square (as a fraction of its side), on a
   * side where the square had more frame beyond it, means the person is leaving the square: the
   * next square follows at once, unsmoothed and no smaller than the last.
   */
  readonly edgeMargin: number;
}

export const DEFAULT_CROP_TRACKER: CropTrackerOptions = {
  minScore: 0.2,
  torsoFactor: 1.9,
  bodyFactor: 1.2,
  minSizeFraction: 0.2,
  smoothing: 0.8,
  edgeMargin: 0.04,
};

const TORSO: readonly KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'];

/**
 * The crop rule of MoveNet's model card and tfjs-models' pose-detection (determineNextCropRegion):
 * a square centred on the hips, sized from how far the torso and the rest of the body reach from
 * them, smoothed from frame to frame. It differs where that one fails: `undefined` means "read
 * the whole frame next" (letterboxed), which is what we do on the first frame and whenever the
 * person is lost (no hip or no shoulder seen), instead of guessing a centred square that cuts off
 * a person at the side; the square is moved inside the frame where it fits (same scale, more
 * picture); and a person leaving the square is followed at once.
 *
 * `previous` is the square this `pose` was read from (undefined: the whole frame); `pose` is in
 * frame pixels. Measurements: docs/decisions/pose-crop-tracking.md.
 */
export function nextCropRegion(
  previous: CropRegion | undefined,
  pose: Pose,
  frame: FrameSize,
  options: CropTrackerOptions = DEFAULT_CROP_TRACKER,
): CropRegion | undefined {
  const counted = pose.keypoints.filter(
    (k) => k.score >= options.minScore && Number.isFinite(k.x) && Number.isFinite(k.y),
  );
  const seen = (name: KeypointName) => counted.find((k) => k.name === name);
  const hips = [seen('left_hip'), seen('right_hip')].filter((k): k is Keypoint => k !== undefined);
  const shoulderSeen = seen('left_shoulder') !== undefined || seen('right_shoulder') !== undefined;
  if (hips.length === 0 || !shoulderSeen) return undefined;

  const cx = hips.reduce((s, k) => s + k.x, 0) / hips.length;
  const cy = hips.reduce((s, k) => s + k.y, 0) / hips.length;
  const reach = (ks: readonly Keypoint[]) =>
    Math.max(0, ...ks.map((k) => Math.max(Math.abs(k.x - cx), Math.abs(k.y - cy))));
  const longer = Math.max(frame.width, frame.height);
  let half = Math.max(
    options.torsoFactor * reach(counted.filter((k) => TORSO.includes(k.name))),
    options.bodyFactor * reach(counted),
    (options.minSizeFraction * longer) / 2,
  );

  const leaving = previous !== undefined && nearInnerEdge(previous, counted, frame, options.edgeMargin);
  if (leaving) half = Math.max(half, previous.size / 2);
  // A square as large as the frame's longer side sees no more than the whole frame does.
  if (2 * half >= longer) return undefined;

  let next: CropRegion = { x: cx - half, y: cy - half, size: 2 * half };
  if (previous !== undefined && !leaving) next = blend(previous, next, options.smoothing);
  return insideFrame(next, frame);
}

/** Some counted keypoint lies at an edge of `square` beyond which the frame goes on. */
function nearInnerEdge(
  square: CropRegion,
  keypoints: readonly Keypoint[],
  frame: FrameSize,
  margin: number,
): boolean {
  const m = margin * square.size;
  const right = square.x + square.size;
  const bottom = square.y + square.size;
  return keypoints.some(
    (k) =>
      (square.x > 0 && k.x <= square.x + m) ||
      (right < frame.width && k.x >= right - m) ||
      (square.y > 0 && k.y <= square.y + m) ||
      (bottom < frame.height && k.y >= bottom - m),
  );
}

/** Each edge moves `weight` of the way from `from` to `to` (tfjs-models low-passes the 4 edges). */
function blend(from: CropRegion, to: CropRegion, weight: number): CropRegion {
  const mix = (a: number, b: number) => a + weight * (b - a);
  const x = mix(from.x, to.x);
  const y = mix(from.y, to.y);
  const right = mix(from.x + from.size, to.x + to.size);
  const bottom = mix(from.y + from.size, to.y + to.size);
  return { x, y, size: Math.max(right - x, bottom - y) };
}

/**
 * Slides the square (never resizes it) so that it lies inside the frame along each axis where it
 * fits, and covers the whole frame along an axis where it does not.
 */
function insideFrame(square: CropRegion, frame: FrameSize): CropRegion {
  const place = (start: number, length: number) => {
    const lo = Math.min(0, length - square.size);
    const hi = Math.max(0, length - square.size);
    return Math.min(hi, Math.max(lo, start));
  };
  return { x: place(square.x, frame.width), y: place(square.y, frame.height), size: square.size };
}
