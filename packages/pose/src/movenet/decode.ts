import { KEYPOINT_NAMES, type Keypoint, type Pose } from '@hipwise/core';
import { MOVENET_KEYPOINT_COUNT, MOVENET_VALUES_PER_KEYPOINT } from './constants.js';
import { toFramePixels, type Letterbox } from './letterbox.js';

/** Turns MoveNet's raw output (17 x [y, x, score], normalised) into keypoints in frame pixels. */
export function decodeMoveNet(output: ArrayLike<number>, box: Letterbox): Pose {
  const expected = MOVENET_KEYPOINT_COUNT * MOVENET_VALUES_PER_KEYPOINT;
  if (output.length !== expected) {
    throw new RangeError(`MoveNet output has ${output.length} values, expected ${expected}`);
  }
  const keypoints: Keypoint[] = KEYPOINT_NAMES.map((name, i) => {
    const o = i * MOVENET_VALUES_PER_KEYPOINT;
    const { x, y } = toFramePixels(box, output[o + 1]!, output[o]!);
    return { name, x, y, score: output[o + 2]! };
  });
  return { keypoints };
}
