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
 * The four heads as the decoding reads them: the two heatmaps whole, and the regression and
 * offsets heads only where it needs them (one cell and 17 cells of the 2304), so that they can
 * be computed there alone (MoveNetGraph).
 */
export interface MoveNetHeadReader {
  readonly heatmaps: Float32Array;
  readonly centre: Float32Array;
  /** The regression head at `cell`: per keypoint (dy, dx), 34 values. */
  regressionAt(cell: number): ArrayLike<number>;
  /** The offsets head for each keypoint k at `cells[k]`: its (dy, dx) there, 34 values. */
  offsetsAt(cells: Int32Array): ArrayLike<number>;
}

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
  if (heads.regression.length !== cells * 2 * K || heads.offsets.length !== cells * 2 * K) {
    throw new RangeError(`MoveNet heads do not match a ${c.gridHeight}x${c.gridWidth} grid`);
  }
  return decodeHeads(
    {
      heatmaps: heads.heatmaps,
      centre: heads.centre,
      regressionAt: (cell) => heads.regression.subarray(cell * 2 * K, (cell + 1) * 2 * K),
      offsetsAt: (at) => {
        const out = new Float32Array(2 * K);
        for (let k = 0; k < K; k++) {
          out[2 * k] = heads.offsets[at[k]! * 2 * K + 2 * k]!;
          out[2 * k + 1] = heads.offsets[at[k]! * 2 * K + 2 * k + 1]!;
        }
        return out;
      },
    },
    c,
  );
}

/** decodeHeatmaps, reading the regression and offsets heads only where it needs them. */
export function decodeHeads(heads: MoveNetHeadReader, c: MoveNetDecodeConstants): Float32Array {
  const K = MOVENET_KEYPOINT_COUNT;
  const cells = c.gridHeight * c.gridWidth;
  if (heads.centre.length !== cells || heads.heatmaps.length !== cells * K) {
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

  const regression = heads.regressionAt(centreCell);
  const regY = new Float32Array(K);
  const regX = new Float32Array(K);
  for (let k = 0; k < K; k++) {
    regY[k] = f(cy + regression[2 * k]!);
    regX[k] = f(cx + regression[2 * k + 1]!);
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

  const offsets = heads.offsetsAt(bestCell);
  const out = new Float32Array(K * MOVENET_VALUES_PER_KEYPOINT);
  for (let k = 0; k < K; k++) {
    const i = bestCell[k]!;
    const ky = Math.floor(i / c.gridWidth);
    const kx = i - ky * c.gridWidth;
    out[k * 3] = f(f(ky + offsets[2 * k]!) * c.scaleY);
    out[k * 3 + 1] = f(f(kx + offsets[2 * k + 1]!) * c.scaleX);
    out[k * 3 + 2] = heads.heatmaps[i * K + k]!;
  }
  return out;
}
