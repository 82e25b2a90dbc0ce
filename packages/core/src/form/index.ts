// Pose-form analysis: keypoints in, judgements out. Pure: no clock, no randomness but seeded.
export * from './keypoints.js';
export * from './geometry.js';
export * from './thresholds.js';
export * from './side-view.js';
export type { CheckStatus, FormCheck, FormJudged, FormResult } from './form-check.js';
export type { BoatPoseOptions } from './boat-options.js';
export * from './chair-boat.js';
export * from './floor-boat.js';
export * from './sitting-posture.js';
export * from './hold-timer.js';
