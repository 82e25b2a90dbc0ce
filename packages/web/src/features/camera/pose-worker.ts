// The pose model's dedicated Worker (see loadPoseRuntime): MoveNet and TensorFlow.js run here,
// off the page's main thread.
import '@hipwise/pose/worker';
