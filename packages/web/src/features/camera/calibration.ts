import type { SittingCalibration } from '@hipwise/core';

/** Frames averaged into one calibration: a few seconds of sitting still at the posture check's rate. */
export const CALIBRATION_FRAMES = 3;

/**
 * The mean of several upright readings: one frame's keypoints jitter by a few degrees, an
 * average of a few does not. The head angle is averaged over the readings that saw the ear.
 */
export function averageCalibration(readings: readonly SittingCalibration[]): SittingCalibration | undefined {
  if (readings.length === 0) return undefined;
  const heads = readings.map((r) => r.headDeg).filter((h): h is number => h !== undefined);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    trunkDeg: mean(readings.map((r) => r.trunkDeg)),
    headDeg: heads.length === 0 ? undefined : mean(heads),
  };
}
