/**
 * MoveNet SinglePose Lightning v4 as converted in @vladmandic/human's models/movenet-lightning.json:
 * its `signature` declares input `input:0` DT_INT32 [1,192,192,3] (RGB, values 0..255, no
 * normalisation) and output `Identity:0` DT_FLOAT [1,1,17,3] holding, per COCO keypoint,
 * (y, x, score) with y and x normalised to the input square.
 */
export const MOVENET_INPUT_SIZE = 192;
/** The heads' grid: the input at an output stride of 4. */
export const MOVENET_GRID_SIZE = MOVENET_INPUT_SIZE / 4;
export const MOVENET_KEYPOINT_COUNT = 17;
export const MOVENET_VALUES_PER_KEYPOINT = 3;
export const MOVENET_MODEL_FILE = 'movenet-lightning.json';
