import { findKeypoint, type Pose } from '@hipwise/core';
import { MIN_SCORE } from './skeleton';

/**
 * How long the camera waits on an empty view. Timers, not frame counts: the posture check
 * analyses a frame a second, the exercise coach every frame it can.
 */
export const CAMERA_TIMEOUTS = {
  /** No one seen for this long: "No one in view" (a glance away or a stretch is shorter). */
  noOneInViewMs: 3_000,
  /** No one seen for this long: the camera is released (its light goes off). */
  releaseCameraMs: 120_000,
  /** Calibration takes three readings a second apart; this long without them, it gives up. */
  calibrationMs: 20_000,
  /** A practice hold stops this long after its planned length (time to get into position). */
  practiceHoldGraceMs: 60_000,
} as const;

export const NO_ONE_IN_VIEW = 'No one in view: step into the frame, side-on';

/**
 * Someone is in view when the model sees a shoulder and a hip: the least any judgement needs, and
 * what an empty chair or room does not give (a face at the edge of the picture alone is not
 * someone to coach).
 */
export function personInView(pose: Pose, minScore = MIN_SCORE): boolean {
  const seen = (name: Parameters<typeof findKeypoint>[1]) =>
    (findKeypoint(pose, name)?.score ?? 0) >= minScore;
  return (seen('left_shoulder') || seen('right_shoulder')) && (seen('left_hip') || seen('right_hip'));
}

/** How long no one has been seen, given when watching started and when someone was last seen. */
export function absentMs(watchingSinceMs: number, lastSeenAtMs: number | undefined, nowMs: number): number {
  return Math.max(0, nowMs - Math.max(watchingSinceMs, lastSeenAtMs ?? -Infinity));
}
