import { MOVENET_KEYPOINT_COUNT, MOVENET_VALUES_PER_KEYPOINT } from './constants.js';

/**
 * The four heads of MoveNet, each row-major over the H x W output grid (48 x 48 for Lightning's
 * 192 x 192 input), as the graph computes them before its own post-processing.
 */
export interface MoveNetHeads {
  /** Per cell, per keypoint: the keypoint heatmap after its sigmoid (H * W * 17). */
  readonly heatmaps: Float32Array;
  /** Per cell: the person-centre heatmap after its sigmoid (H * W). */
  readonly centre: Float32Array;
  /** Per cell, per keypoint: (dy, dx) from that cell to the keypoint, in cells (H * W * 34). */
  readonly regression: Float32Array;
  /** Per cell, per keypoint: (dy, dx) from the cell to the keypoint's exact place (H * W * 34). */
  readonly offsets: Float32Array;
}

/** The constants of the graph's post-processing, read from the model's own weights. */
export interface MoveNetDecodeConstants {
  readonly gridHeight: number;
  readonly gridWidth: number;
  /** Per cell (H * W): the weight of the centre heatmap, higher near the middle of the input. */
  readonly centreWeight: Float32Array;
  /** Per cell (H * W): the cell's row and column. */
  readonly gridY: Float32Array;
  readonly gridX: Float32Array;
  /** Added to a cell's distance from the regressed keypoint before dividing its heatmap by it. */
  readonly distanceBias: number;
  /** Cells to the input's normalised (y, x): 1 / H and 1 / W as the graph stores them. */
  readonly scaleY: number;
  readonly scaleX: number;
}

const f = Math.fround;

/**
 * MoveNet SinglePose's post-processing, as its graph does it after the heads (the ~50 small ops
 * from `Sigmoid` to `Identity`): the person is the centre-heatmap peak (weighted towards the
 * middle); each keypoint is the heatmap cell that is strongest once divided by its distance
 * from where the centre's regression puts that keypoint, refined by that cell's offset. Every
 * step rounds to float32 as the graph's float32 kernels do, so the result is the graph's own,
 * bit for bit (checked against the whole graph on the sitting photos in graph.test.ts).
 * Returns 17 x (y, x, score), y and x normalised to the model input.
 */
export function decodeHeatmaps(heads: MoveNetHeads, c: MoveNetDecodeConstants): Float32Array {
  const K = MOVENET_KEYPOINT_COUNT;
  const cells = c.gridHeight * c.gridWidth;
  if (
    heads.centre.length !== cells ||
    heads.heatmaps.length !== cells * K ||
    heads.regression.length !== cells * 2 * K ||
    heads.offsets.length !== cells * 2 * K
  ) {
    throw new RangeError(`MoveNet heads do not match a ${c.gridHeight}x${c.gridWidth} grid`);
  }

  // ArgMax keeps the first of equal values, as tfjs's does.
  let centreCell = 0;
  let best = -Infinity;
  for (let i = 0; i < cells; i++) {
    const v = f(heads.centre[i]! * c.centreWeight[i]!);
    if (v > best) {
      best = v;
      centreCell = i;
    }
  }
  const cy = Math.floor(centreCell / c.gridWidth);
  const cx = centreCell - cy * c.gridWidth;

  const regY = new Float32Array(K);
  const regX = new Float32Array(K);
  for (let k = 0; k < K; k++) {
    regY[k] = f(cy + heads.regression[centreCell * 2 * K + 2 * k]!);
    regX[k] = f(cx + heads.regression[centreCell * 2 * K + 2 * k + 1]!);
  }

  const bestScore = new Float32Array(K).fill(-Infinity);
  const bestCell = new Int32Array(K);
  // The distance is at least distanceBias, so a cell whose heatmap over distanceBias cannot
  // beat the best so far is skipped (most cells): an upper bound, a hair above 1 / bias, so
  // that skipping never changes the result.
  const bound = (1 / c.distanceBias) * (1 + 1e-6);
  for (let i = 0; i < cells; i++) {
    const y = c.gridY[i]!;
    const x = c.gridX[i]!;
    for (let k = 0; k < K; k++) {
      if (heads.heatmaps[i * K + k]! * bound <= bestScore[k]!) continue;
      const dy = f(y - regY[k]!);
      const dx = f(x - regX[k]!);
      const distance = f(f(Math.sqrt(f(f(dy * dy) + f(dx * dx)))) + c.distanceBias);
      const v = f(heads.heatmaps[i * K + k]! / distance);
      if (v > bestScore[k]!) {
        bestScore[k] = v;
        bestCell[k] = i;
      }
    }
  }

  const out = new Float32Array(K * MOVENET_VALUES_PER_KEYPOINT);
  for (let k = 0; k < K; k++) {
    const i = bestCell[k]!;
    const ky = Math.floor(i / c.gridWidth);
    const kx = i - ky * c.gridWidth;
    out[k * 3] = f(f(ky + heads.offsets[i * 2 * K + 2 * k]!) * c.scaleY);
    out[k * 3 + 1] = f(f(kx + heads.offsets[i * 2 * K + 2 * k + 1]!) * c.scaleX);
    out[k * 3 + 2] = heads.heatmaps[i * K + k]!;
  }
  return out;
}
