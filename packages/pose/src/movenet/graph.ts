import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModelSync, type GraphModel } from '@tensorflow/tfjs-converter';
import { MOVENET_GRID_SIZE, MOVENET_INPUT_SIZE, MOVENET_KEYPOINT_COUNT } from './constants.js';
import { GraphPlan, type GraphNode } from './graph-plan.js';
import { decodeHeads, decodeHeatmaps, type MoveNetDecodeConstants } from './heatmap-decode.js';

/**
 * Node names in MoveNet SinglePose Lightning v4's graph (as converted in @vladmandic/human). The
 * graph's input is int32 RGB; its first nodes cast it to float and scale it to [-1, 1]
 * (`NORMALISED_INPUT` is their result), its last 50 nodes (from the sigmoids to `Identity`) turn
 * the four heads into 17 (y, x, score).
 */
const P = 'StatefulPartitionedCall/';
const NORMALISED_INPUT = `${P}sub_1`;
const HEATMAPS = `${P}Sigmoid`;
const CENTRE = `${P}Sigmoid_1`;
/** What the four heads read: the feature pyramid's 48 x 48 output. */
const FEATURES = `${P}center_net_mobile_net_v2fpn_feature_extractor/model_1/re_lu_2/Relu`;
/** The regression and offsets heads: each a 3x3 depthwise, a 1x1 convolution, a 1x1 convolution. */
const REGRESSION = {
  output: `${P}kpt_regress_0/conv2d_6/BiasAdd`,
  depthwise: `${P}kpt_regress_0/separable_conv2d_5/separable_conv2d/depthwise`,
};
const OFFSETS = {
  output: `${P}kpt_offset_0/conv2d_7/BiasAdd`,
  depthwise: `${P}kpt_offset_0/separable_conv2d_6/separable_conv2d/depthwise`,
};
const CONSTANTS = {
  centreWeight: `ConstantFolding/${P}truediv_2_recip`,
  gridY: `${P}strided_slice_3`,
  gridX: `${P}strided_slice_4`,
  distanceBias: `${P}add_5/y`,
  scale: `${P}Reshape_13`,
} as const;

const CHANNELS = 3;
const INPUT_SHAPE: [number, number, number, number] = [1, MOVENET_INPUT_SIZE, MOVENET_INPUT_SIZE, CHANNELS];

export interface MoveNetGraphOptions {
  /**
   * Intermediate results in one block of WASM memory allocated once (GraphPlan's `arena`; the
   * default), instead of allocated and freed around every kernel call.
   */
  readonly arena?: boolean;
  /**
   * Run the regression and offsets heads on the whole 48x48 grid, as the graph does, instead of
   * on the 1 + 17 cells the decoding reads: the same keypoints, more work (for comparisons).
   */
  readonly wholeHeads?: boolean;
}

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
  /** From the normalised input to the two heatmaps and the features the heads read. */
  private readonly plan: GraphPlan;
  /** The regression head on one 3x3 patch of the features, and the offsets head on 17. */
  private readonly regression: GraphPlan;
  private readonly offsets: GraphPlan;
  private readonly wholeHeads: boolean;
  /** The features' channels. */
  private readonly channels: number;
  /** Holds the weights the plan reads; runs the graph's first nodes once for `inputScale`. */
  private readonly model: GraphModel<tf.io.IOHandlerSync>;

  /** `artifacts`: the model.json (its `modelTopology`) and weights, as a tfjs IOHandler loads them. */
  constructor(artifacts: tf.io.ModelArtifacts, options: MoveNetGraphOptions = {}) {
    const nodes = (artifacts.modelTopology as { node?: GraphNode[] } | undefined)?.node;
    if (nodes === undefined) throw new Error('MoveNet graph: model.json has no graph nodes');
    this.model = loadGraphModelSync(artifacts);
    const arena = options.arena ?? true;
    const plans: GraphPlan[] = [];
    const compile = (...args: Parameters<typeof GraphPlan.compile>) => {
      const plan = GraphPlan.compile(...args);
      plans.push(plan);
      return plan;
    };
    try {
      this.inputScale = inputScaleTable(this.model);
      this.decode = decodeConstants(this.model);
      this.wholeHeads = options.wholeHeads === true;
      this.plan = compile(
        nodes,
        { name: NORMALISED_INPUT, shape: INPUT_SHAPE },
        this.wholeHeads
          ? [HEATMAPS, CENTRE, REGRESSION.output, OFFSETS.output]
          : [HEATMAPS, CENTRE, FEATURES],
        this.model.weights,
        { arena },
      );
      this.channels = patchHeadChannels(nodes, this.model, [REGRESSION, OFFSETS]);
      const patches = (n: number) => ({ name: FEATURES, shape: [n, 3, 3, this.channels] });
      this.regression = compile(nodes, patches(1), [REGRESSION.output], this.model.weights, { arena });
      const K = MOVENET_KEYPOINT_COUNT;
      this.offsets = compile(nodes, patches(K), [OFFSETS.output], this.model.weights, { arena });
    } catch (e) {
      for (const plan of plans) plan.dispose();
      this.model.dispose();
      throw e;
    }
  }

  /**
   * The 17 keypoints as (y, x, score), y and x normalised to the input square, for `input`: the
   * letterboxed frame, RGB, each value already mapped through `inputScale`.
   */
  run(input: Float32Array): Float32Array {
    const [heatmaps, centre, features, offsets] = this.plan.run(input);
    if (heatmaps === undefined || centre === undefined || features === undefined) {
      throw new Error('MoveNet graph: two heatmaps and the features expected');
    }
    if (this.wholeHeads) {
      return decodeHeatmaps({ heatmaps, centre, regression: features, offsets: offsets! }, this.decode);
    }
    const K = MOVENET_KEYPOINT_COUNT;
    // Each output cell of a head depends only on the 3x3 features around it (its depthwise
    // convolution; the 1x1 convolutions after it mix channels within a cell), so the head run on
    // that 3x3 patch (zeros beyond the grid, as the SAME padding) gives the cell's values at the
    // patch's centre, with the same kernels doing the same arithmetic in the same order.
    const centreOf = (out: Float32Array, patch: number, k: number) => {
      const at = (patch * 9 + 4) * 2 * K + 2 * k;
      return [out[at]!, out[at + 1]!] as const;
    };
    return decodeHeads(
      {
        heatmaps,
        centre,
        regressionAt: (cell) => {
          const out = this.regression.run(this.patches(features, [cell]))[0]!;
          return out.subarray(4 * 2 * K, 5 * 2 * K);
        },
        offsetsAt: (cells) => {
          const out = this.offsets.run(this.patches(features, cells))[0]!;
          const offsets = new Float32Array(2 * K);
          for (let k = 0; k < K; k++) offsets.set(centreOf(out, k, k), 2 * k);
          return offsets;
        },
      },
      this.decode,
    );
  }

  /** The 3x3 patches of `features` (grid x grid x channels) centred on `cells`, zeros outside. */
  private patches(features: Float32Array, cells: ArrayLike<number>): Float32Array {
    const C = this.channels;
    const G = MOVENET_GRID_SIZE;
    const out = new Float32Array(cells.length * 9 * C);
    for (let p = 0; p < cells.length; p++) {
      const cy = Math.floor(cells[p]! / G);
      const cx = cells[p]! - cy * G;
      for (let dy = -1; dy <= 1; dy++) {
        const y = cy + dy;
        if (y < 0 || y >= G) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const x = cx + dx;
          if (x < 0 || x >= G) continue;
          const from = (y * G + x) * C;
          out.set(features.subarray(from, from + C), (p * 9 + (dy + 1) * 3 + (dx + 1)) * C);
        }
      }
    }
    return out;
  }

  /** Each kernel call's time, for profiling (see GraphPlan.profile). */
  profile(input: Float32Array): { stepMs: number[]; kernels: string[] } {
    return this.plan.profile(input);
  }

  dispose(): void {
    this.plan.dispose();
    this.regression.dispose();
    this.offsets.dispose();
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

/**
 * Checks that each head is what run() assumes (a 3x3 stride-1 SAME depthwise convolution of the
 * features, then 1x1 stride-1 convolutions) and returns the features' channel count.
 */
function patchHeadChannels(
  nodes: readonly GraphNode[],
  model: GraphModel<tf.io.IOHandlerSync>,
  heads: readonly { readonly output: string; readonly depthwise: string }[],
): number {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const fail = (why: string): never => {
    throw new Error(`MoveNet graph: ${why}; another model file?`);
  };
  const attrs = (n: GraphNode) => JSON.stringify([n.attr?.strides?.list?.i, n.attr?.padding?.s]);
  const stride1 = (padding: string) => JSON.stringify([['1', '1', '1', '1'], btoa(padding)]);
  let channels: number | undefined;
  for (const head of heads) {
    const dw = byName.get(head.depthwise);
    if (dw?.op !== 'DepthwiseConv2dNative' || dw.input?.[0] !== FEATURES)
      fail(`${head.depthwise} is not the head's first node`);
    if (attrs(dw!) !== stride1('SAME')) fail(`${head.depthwise} is not stride 1, SAME`);
    const filter = model.weights[dw!.input![1]!]?.[0]?.shape;
    if (filter?.[0] !== 3 || filter[1] !== 3 || filter[3] !== 1) fail(`${head.depthwise} is not 3x3`);
    if (channels !== undefined && filter![2] !== channels) fail('the heads read different features');
    channels = filter![2]!;
    // Back from the output to the depthwise convolution: 1x1 stride-1 convolutions only.
    for (let n = byName.get(head.output); n !== dw; n = byName.get(n!.input![0]!)) {
      if (n?.op !== '_FusedConv2D' || (attrs(n) !== stride1('VALID') && attrs(n) !== stride1('SAME')))
        fail(`${head.output}: not 1x1 convolutions after the depthwise`);
      const w = model.weights[n!.input![1]!]?.[0]?.shape;
      if (w?.[0] !== 1 || w[1] !== 1) fail(`${n!.name} is not 1x1`);
    }
  }
  return channels!;
}
