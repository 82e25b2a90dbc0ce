import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModelSync, type GraphModel } from '@tensorflow/tfjs-converter';
import { MOVENET_GRID_SIZE, MOVENET_INPUT_SIZE } from './constants.js';
import { GraphPlan, type GraphNode } from './graph-plan.js';
import { decodeHeatmaps, type MoveNetDecodeConstants } from './heatmap-decode.js';

/**
 * Node names in MoveNet SinglePose Lightning v4's graph (as converted in @vladmandic/human). The
 * graph's input is int32 RGB; its first nodes cast it to float and scale it to [-1, 1]
 * (`NORMALISED_INPUT` is their result), its last 50 nodes (from the sigmoids to `Identity`) turn
 * the four heads into 17 (y, x, score).
 */
const P = 'StatefulPartitionedCall/';
const NORMALISED_INPUT = `${P}sub_1`;
const HEADS = [
  `${P}Sigmoid`,
  `${P}Sigmoid_1`,
  `${P}kpt_regress_0/conv2d_6/BiasAdd`,
  `${P}kpt_offset_0/conv2d_7/BiasAdd`,
] as const;
const CONSTANTS = {
  centreWeight: `ConstantFolding/${P}truediv_2_recip`,
  gridY: `${P}strided_slice_3`,
  gridX: `${P}strided_slice_4`,
  distanceBias: `${P}add_5/y`,
  scale: `${P}Reshape_13`,
} as const;

const CHANNELS = 3;
const INPUT_SHAPE: [number, number, number, number] = [1, MOVENET_INPUT_SIZE, MOVENET_INPUT_SIZE, CHANNELS];

/**
 * MoveNet run from its normalised input to its four heads, with the rest done here in
 * JavaScript, and the heads run as a compiled list of kernel calls (GraphPlan) instead of
 * through tfjs's graph executor. The graph's own first and last nodes are 58 tiny ops, each
 * with the per-op cost of the executor and engine and most single-threaded, for less work than
 * one small convolution; around the 92 others, that bookkeeping was about 15% of an inference
 * (docs/decisions/pose-inference-speed.md). The
 * result is the whole graph's, bit for bit: the input scaling is a table computed by the graph's
 * own first nodes, the heads are the graph's own kernels with its own attributes, and the
 * post-processing (decodeHeatmaps) rounds as its float32 kernels do.
 */
export class MoveNetGraph {
  /** Per 8-bit value and channel (value * 3 + channel): the graph's normalised input. */
  readonly inputScale: Float32Array;
  private readonly decode: MoveNetDecodeConstants;
  private readonly plan: GraphPlan;
  /** Holds the weights the plan reads; runs the graph's first nodes once for `inputScale`. */
  private readonly model: GraphModel<tf.io.IOHandlerSync>;

  /** `artifacts`: the model.json (its `modelTopology`) and weights, as a tfjs IOHandler loads them. */
  constructor(artifacts: tf.io.ModelArtifacts) {
    const nodes = (artifacts.modelTopology as { node?: GraphNode[] } | undefined)?.node;
    if (nodes === undefined) throw new Error('MoveNet graph: model.json has no graph nodes');
    this.model = loadGraphModelSync(artifacts);
    try {
      this.inputScale = inputScaleTable(this.model);
      this.decode = decodeConstants(this.model);
      this.plan = GraphPlan.compile(
        nodes,
        { name: NORMALISED_INPUT, shape: INPUT_SHAPE },
        HEADS,
        this.model.weights,
      );
    } catch (e) {
      this.model.dispose();
      throw e;
    }
  }

  /**
   * The 17 keypoints as (y, x, score), y and x normalised to the input square, for `input`: the
   * letterboxed frame, RGB, each value already mapped through `inputScale`.
   */
  run(input: Float32Array): Float32Array {
    const [heatmaps, centre, regression, offsets] = this.plan.run(input);
    if (heatmaps === undefined || centre === undefined || regression === undefined || offsets === undefined) {
      throw new Error('MoveNet graph: four heads expected');
    }
    return decodeHeatmaps({ heatmaps, centre, regression, offsets }, this.decode);
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Runs the graph's first nodes on every 8-bit value of every channel, once. */
function inputScaleTable(model: GraphModel<tf.io.IOHandlerSync>): Float32Array {
  const probe = new Int32Array(INPUT_SHAPE.reduce((a, b) => a * b));
  for (let v = 0; v < 256; v++) probe.fill(v, v * CHANNELS, (v + 1) * CHANNELS);
  const scaled = tf.tidy(() => model.execute(tf.tensor4d(probe, INPUT_SHAPE, 'int32'), NORMALISED_INPUT));
  if (Array.isArray(scaled)) throw new Error('MoveNet graph: one output expected');
  try {
    return (scaled.dataSync() as Float32Array).slice(0, 256 * CHANNELS);
  } finally {
    scaled.dispose();
  }
}

function decodeConstants(model: GraphModel<tf.io.IOHandlerSync>): MoveNetDecodeConstants {
  const read = (name: string, size: number): Float32Array => {
    const t = model.weights[name]?.[0];
    if (t === undefined || t.size !== size || t.dtype !== 'float32') {
      throw new Error(`MoveNet graph: constant ${name} (${size} float32) not found; another model file?`);
    }
    return t.dataSync() as Float32Array;
  };
  const cells = MOVENET_GRID_SIZE * MOVENET_GRID_SIZE;
  const [scaleY, scaleX] = read(CONSTANTS.scale, 2);
  return {
    gridHeight: MOVENET_GRID_SIZE,
    gridWidth: MOVENET_GRID_SIZE,
    centreWeight: read(CONSTANTS.centreWeight, cells),
    gridY: read(CONSTANTS.gridY, cells),
    gridX: read(CONSTANTS.gridX, cells),
    distanceBias: read(CONSTANTS.distanceBias, 1)[0]!,
    scaleY: scaleY!,
    scaleX: scaleX!,
  };
}
