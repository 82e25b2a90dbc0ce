/**
 * What a page needs to run the pose model in a Worker, without TensorFlow.js: the model itself
 * loads only inside the worker (entry `@hipwise/pose/worker`), so the page's own bundle stays
 * small. The One Euro smoothing runs on the page, next to the analysis.
 */
export { createWorkerPoseDetector } from './worker/worker-pose-detector.js';
export type { WorkerPoseDetector, WorkerFrameTiming } from './worker/worker-pose-detector.js';
export { KeypointSmoother, DEFAULT_KEYPOINT_FILTER } from './calculators/keypoint-smoother.js';
export type { KeypointSmootherOptions } from './calculators/keypoint-smoother.js';
export type { PoseDetector, PoseDetectorOptions } from './pose-detector.js';
export type { PoseRuntimeInfo } from './model-loader/wasm-backend.js';
export type { Frame } from './frame.js';
