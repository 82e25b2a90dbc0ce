import { FORM_THRESHOLDS, type Keypoint, type Pose } from '@hipwise/core';
import { OneEuroFilter, type OneEuroParams } from './one-euro-filter.js';

export interface KeypointSmootherOptions {
  /**
   * Below this score a joint counts as "not seen": it is passed through untouched (with its low
   * score, so form analysis refuses to judge from it) and its filter is reset, so that neither
   * the model's guess while it is hidden nor its last seen position drags the joint when it
   * reappears. Default: the form analysis's own `minKeypointScore`, so both agree on what is seen.
   */
  readonly minScore?: number;
  readonly filter?: OneEuroParams;
  /** A longer pause between frames than this (ms) restarts all filters. */
  readonly maxGapMs?: number;
}

/**
 * 1 Hz cut-offs at rest are Casiez et al.'s suggested starting point. Speed is measured in body
 * sizes per second (value scale 1 / body size, as MediaPipe does), and beta = 2 opens the
 * cut-off to ~5 Hz for a limb crossing a body size in a second: quick moves into the pose lag a
 * frame or two while a held pose stays still.
 */
export const DEFAULT_KEYPOINT_FILTER: OneEuroParams = { minCutoff: 1, beta: 2, derivativeCutoff: 1 };

/** Temporal smoothing of a stream of poses, one One Euro filter per joint and axis. */
export class KeypointSmoother {
  private readonly minScore: number;
  private readonly params: OneEuroParams;
  private readonly maxGapMs: number;
  private readonly filters = new Map<string, { x: OneEuroFilter; y: OneEuroFilter }>();
  private lastTimeMs: number | undefined;

  constructor(options: KeypointSmootherOptions = {}) {
    this.minScore = options.minScore ?? FORM_THRESHOLDS.visibility.minKeypointScore;
    this.params = options.filter ?? DEFAULT_KEYPOINT_FILTER;
    this.maxGapMs = options.maxGapMs ?? 1000;
  }

  /** Smooths the pose of the frame taken at `timeMs` (any monotonic clock, in ms). */
  smooth(pose: Pose, timeMs: number): Pose {
    if (this.lastTimeMs !== undefined && timeMs - this.lastTimeMs > this.maxGapMs) this.reset();
    this.lastTimeMs = timeMs;
    const seen = pose.keypoints.filter((k) => k.score >= this.minScore);
    const scale = bodySize(seen);
    const valueScale = scale > 0 ? 1 / scale : 1;
    const keypoints = pose.keypoints.map((k): Keypoint => {
      if (k.score < this.minScore) {
        this.filters.delete(k.name);
        return k;
      }
      let f = this.filters.get(k.name);
      if (f === undefined) {
        f = { x: new OneEuroFilter(this.params), y: new OneEuroFilter(this.params) };
        this.filters.set(k.name, f);
      }
      return { ...k, x: f.x.filter(k.x, timeMs, valueScale), y: f.y.filter(k.y, timeMs, valueScale) };
    });
    return { keypoints };
  }

  reset(): void {
    this.filters.clear();
    this.lastTimeMs = undefined;
  }
}

/** The mean side of the seen joints' bounding box: how big the body is in the frame, in pixels. */
function bodySize(keypoints: readonly Keypoint[]): number {
  if (keypoints.length < 2) return 0;
  const xs = keypoints.map((k) => k.x);
  const ys = keypoints.map((k) => k.y);
  return (Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys)) / 2;
}
