import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHeatmaps, type MoveNetDecodeConstants, type MoveNetHeads } from './heatmap-decode.js';

const K = 17;
const H = 6;
const W = 8;
const cell = (y: number, x: number) => y * W + x;

function constants(centreWeight = new Float32Array(H * W).fill(1)): MoveNetDecodeConstants {
  const gridY = new Float32Array(H * W);
  const gridX = new Float32Array(H * W);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      gridY[cell(y, x)] = y;
      gridX[cell(y, x)] = x;
    }
  return {
    gridHeight: H,
    gridWidth: W,
    centreWeight,
    gridY,
    gridX,
    distanceBias: 1.8,
    scaleY: 1 / H,
    scaleX: 1 / W,
  };
}

function emptyHeads(): MoveNetHeads {
  return {
    heatmaps: new Float32Array(H * W * K),
    centre: new Float32Array(H * W),
    regression: new Float32Array(H * W * 2 * K),
    offsets: new Float32Array(H * W * 2 * K),
  };
}

test('each keypoint is the heatmap peak nearest where the person centre’s regression puts it, refined by its offset', () => {
  const heads = emptyHeads();
  heads.centre[cell(2, 3)] = 0.9;
  // The centre says keypoint 5 is 2 rows down and 3 columns right of it: at (4, 6).
  heads.regression[cell(2, 3) * 2 * K + 2 * 5] = 2;
  heads.regression[cell(2, 3) * 2 * K + 2 * 5 + 1] = 3;
  // Two equally strong candidates: far from there at (0, 0), near it at (4, 5).
  heads.heatmaps[cell(0, 0) * K + 5] = 0.8;
  heads.heatmaps[cell(4, 5) * K + 5] = 0.8;
  heads.offsets[cell(4, 5) * 2 * K + 2 * 5] = 0.25;
  heads.offsets[cell(4, 5) * 2 * K + 2 * 5 + 1] = -0.5;

  const out = decodeHeatmaps(heads, constants());
  assert.equal(out.length, K * 3);
  assert.ok(Math.abs(out[5 * 3]! - 4.25 / H) < 1e-6, `y ${out[5 * 3]}`);
  assert.ok(Math.abs(out[5 * 3 + 1]! - 4.5 / W) < 1e-6, `x ${out[5 * 3 + 1]}`);
  assert.ok(Math.abs(out[5 * 3 + 2]! - 0.8) < 1e-6, 'score: the heatmap there, not divided by the distance');
});

test('a much stronger peak further away still wins: the distance only weighs, it does not exclude', () => {
  const heads = emptyHeads();
  heads.centre[cell(2, 3)] = 0.9;
  heads.heatmaps[cell(2, 3) * K] = 0.1;
  heads.heatmaps[cell(5, 7) * K] = 0.95;
  const out = decodeHeatmaps(heads, constants());
  assert.ok(Math.abs(out[0]! - 5 / H) < 1e-6);
  assert.ok(Math.abs(out[1]! - 7 / W) < 1e-6);
});

test('the person is the centre peak after the centre weighting', () => {
  const heads = emptyHeads();
  heads.centre[cell(0, 0)] = 0.9;
  heads.centre[cell(3, 4)] = 0.6;
  const weights = new Float32Array(H * W).fill(0.5);
  weights[cell(3, 4)] = 1;
  // Each keypoint is regressed to the centre cell itself and peaks everywhere equally.
  heads.heatmaps.fill(0.5);
  const out = decodeHeatmaps(heads, constants(weights));
  for (let k = 0; k < K; k++) {
    assert.ok(Math.abs(out[k * 3]! - 3 / H) < 1e-6, `keypoint ${k} y`);
    assert.ok(Math.abs(out[k * 3 + 1]! - 4 / W) < 1e-6, `keypoint ${k} x`);
  }
  // Unweighted, (0, 0) is the stronger centre.
  const flat = decodeHeatmaps(heads, constants());
  assert.equal(flat[0], 0);
  assert.equal(flat[1], 0);
});

test('heads of the wrong size are refused', () => {
  const heads = { ...emptyHeads(), offsets: new Float32Array(10) };
  assert.throws(() => decodeHeatmaps(heads, constants()), RangeError);
});
