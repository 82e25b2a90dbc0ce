export { createPoseDetector } from './pose-detector.js';
export type { PoseDetector, PoseDetectorOptions, PoseModelName } from './pose-detector.js';
export type { Frame, PixelFrame, DomFrame } from './frame.js';
export type { PlatformOptions } from './model-loader/types.js';
export { KeypointSmoother, DEFAULT_KEYPOINT_FILTER } from './calculators/keypoint-smoother.js';
export type { KeypointSmootherOptions } from './calculators/keypoint-smoother.js';
export { OneEuroFilter } from './calculators/one-euro-filter.js';
export type { OneEuroParams } from './calculators/one-euro-filter.js';
export { MOVENET_INPUT_SIZE } from './movenet/constants.js';
