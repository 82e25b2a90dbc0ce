import type { Pose } from '@hipwise/core';
import type { Frame } from './frame.js';
import type { PlatformOptions } from './model-loader/types.js';
import type { PoseRuntimeInfo } from './model-loader/wasm-backend.js';

/**
 * Turns one frame into one pose (17 COCO keypoints in frame pixels, with scores). Raw per frame:
 * temporal smoothing is a separate step (calculators/keypoint-smoother.ts) fed with timestamps.
 */
export interface PoseDetector {
  /**
   * The pose in `frame`. Frames are taken as a stream of one person (crop tracking): call
   * `reset()` before a frame that does not follow the last one (another photo, a restarted camera).
   */
  estimate(frame: Frame): Promise<Pose>;
  /** Forgets where the person was: the next frame is read whole. */
  reset(): void;
  /** Frees the model's tensors; the detector cannot be used afterwards. */
  dispose(): void;
  /** The backend the model runs on (as started). */
  readonly info: PoseRuntimeInfo;
}

export type PoseModelName = 'movenet-lightning';

export interface PoseDetectorOptions extends PlatformOptions {
  /** Only MoveNet SinglePose Lightning for now: fast enough for 30 fps on a 2-core laptop. */
  readonly model?: PoseModelName;
  /**
   * Follow the person from frame to frame and read each frame from a square around them
   * (default true). false reads every frame whole, letterboxed.
   */
  readonly cropTracking?: boolean;
}
