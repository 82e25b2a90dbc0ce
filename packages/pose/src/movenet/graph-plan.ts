import * as tf from '@tensorflow/tfjs-core';

/** A node of a TensorFlow GraphDef as tfjs's model.json stores it (`modelTopology.node`). */
export interface GraphNode {
  readonly name: string;
  readonly op: string;
  readonly input?: readonly string[];
  readonly attr?: Readonly<Record<string, AttrValue>>;
}

interface AttrValue {
  readonly s?: string;
  readonly b?: boolean;
  readonly i?: string | number;
  readonly list?: { readonly i?: readonly (string | number)[]; readonly s?: readonly string[] };
}

interface Step {
  readonly kernel: tf.KernelFunc;
  /** Kernel input name -> slot. */
  readonly inputs: readonly (readonly [string, number])[];
  readonly attrs: tf.NamedAttrMap;
  readonly output: number;
  /** The kernel's name, for profiles. */
  readonly name: string;
  /** Slots read for the last time by this step, freed after it. */
  readonly free: readonly number[];
}

/**
 * A graph's nodes from one input to some outputs, compiled once into a list of calls to the
 * current backend's kernels, the same kernels with the same attributes that tfjs's GraphModel
 * ends up calling. What it leaves out is the bookkeeping around each call: the graph executor's
 * per-node parameter parsing and the engine's per-op tensor tracking and scopes (for MoveNet,
 * about 15% of an inference on the WASM backend; docs/decisions/pose-inference-speed.md).
 * Intermediate results live only inside run(), freed as soon as no later step reads them.
 *
 * Only the ops of a convolutional network of the MobileNet family are compiled (`SUPPORTED_OPS`);
 * any other op is refused at compile time rather than run differently.
 */
export class GraphPlan {
  private arena: Arena | undefined;

  private constructor(
    private readonly backend: tf.KernelBackend,
    private steps: readonly Step[],
    /** Slot -> weight, set before every run. */
    private readonly constants: readonly (readonly [number, tf.TensorInfo])[],
    private readonly isConstant: readonly boolean[],
    private readonly inputShape: readonly number[],
    private readonly outputSlots: readonly number[],
  ) {}

  /**
   * `weights`: the graph's constants as tensors (a GraphModel's `weights`), kept by the caller for
   * as long as the plan is used.
   */
  static compile(
    nodes: readonly GraphNode[],
    input: { readonly name: string; readonly shape: readonly number[] },
    outputs: readonly string[],
    weights: Readonly<Record<string, readonly tf.Tensor[] | undefined>>,
    options: { readonly arena?: boolean } = {},
  ): GraphPlan {
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const weight = (name: string): tf.Tensor | undefined => weights[name]?.[0];

    // Topological order of the nodes the outputs need, stopping at the input and the weights.
    const order: GraphNode[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string) => {
      if (name === input.name || weight(name) !== undefined || state.get(name) === 'done') return;
      if (state.get(name) === 'visiting') throw new Error(`graph plan: a cycle through ${name}`);
      const node = byName.get(name);
      if (node === undefined) throw new Error(`graph plan: node ${name} not in the graph`);
      state.set(name, 'visiting');
      for (const i of dataInputs(node)) visit(i);
      state.set(name, 'done');
      order.push(node);
    };
    for (const o of outputs) visit(o);

    const slotOf = new Map<string, number>([[input.name, 0]]);
    const constants: [number, tf.TensorInfo][] = [];
    const slot = (name: string): number => {
      let s = slotOf.get(name);
      if (s === undefined) {
        const w = weight(name);
        if (w === undefined) throw new Error(`graph plan: ${name} is used before it is computed`);
        s = slotOf.size;
        slotOf.set(name, s);
        constants.push([s, w]);
      }
      return s;
    };
    const backendName = tf.getBackend();
    const compiled = order.map((node) => {
      const call = kernelCall(node, weight);
      const config = tf.getKernel(call.kernel, backendName);
      if (config === undefined) throw new Error(`graph plan: no ${call.kernel} kernel on ${backendName}`);
      const inputs = call.inputs.map(([key, name]) => [key, slot(name)] as const);
      slotOf.set(node.name, slotOf.size);
      return {
        kernel: config.kernelFunc,
        name: call.kernel,
        inputs,
        attrs: call.attrs,
        output: slotOf.get(node.name)!,
      };
    });

    const outputSlots = outputs.map((o) => slotOf.get(o)!);
    const keep = new Set([0, ...outputSlots, ...constants.map(([s]) => s)]);
    const lastRead = new Map<number, number>();
    compiled.forEach((step, i) => step.inputs.forEach(([, s]) => lastRead.set(s, i)));
    const steps = compiled.map((step, i) => ({
      ...step,
      free: step.inputs
        .map(([, s]) => s)
        .filter((s, j, all) => !keep.has(s) && lastRead.get(s) === i && all.indexOf(s) === j),
    }));
    const isConstant = new Array<boolean>(slotOf.size).fill(false);
    for (const [s] of constants) isConstant[s] = true;
    const plan = new GraphPlan(
      tf.backend(),
      steps,
      constants.map(([s, t]) => [s, { dataId: t.dataId, shape: t.shape, dtype: t.dtype }] as const),
      isConstant,
      input.shape,
      outputSlots,
    );
    if (options.arena === true) plan.allocateArena();
    return plan;
  }

  /** Runs the plan on `input` (float32, the input's shape); returns a copy of each output. */
  run(input: Float32Array): Float32Array[] {
    return this.arena === undefined ? this.runPerCall(input) : this.runInArena(this.arena, input);
  }

  /**
   * Each step's kernel with its own time (ms, performance.now() around the call), for profiling;
   * the outputs are run()'s.
   */
  profile(input: Float32Array): { outputs: Float32Array[]; stepMs: number[]; kernels: string[] } {
    const stepMs: number[] = [];
    const timed = this.steps.map((step, i) => ({
      ...step,
      kernel: (args: Parameters<tf.KernelFunc>[0]) => {
        const t0 = performance.now();
        const out = step.kernel(args);
        stepMs[i] = performance.now() - t0;
        return out;
      },
    }));
    const steps = this.steps;
    this.steps = timed;
    try {
      const outputs = this.run(input);
      return { outputs, stepMs, kernels: steps.map((s) => s.name) };
    } finally {
      this.steps = steps;
    }
  }

  /** Frees the arena (the weights are the caller's). */
  dispose(): void {
    const arena = this.arena;
    if (arena === undefined) return;
    this.arena = undefined;
    const backend = this.backend as WasmBackend;
    for (const info of arena.slots) {
      if (info === undefined) continue;
      const data = backend.dataIdMap.get(info.dataId);
      if (data !== undefined) backend.wasm.tfjs.disposeData(data.id);
      backend.dataIdMap.delete(info.dataId);
    }
    backend.wasm._free(arena.pointer);
  }

  private runPerCall(input: Float32Array): Float32Array[] {
    const slots = new Array<tf.TensorInfo | undefined>(this.isConstant.length);
    for (const [s, info] of this.constants) slots[s] = info;
    const shape = [...this.inputShape];
    try {
      slots[0] = { dataId: this.backend.write(input, shape, 'float32'), shape, dtype: 'float32' };
      for (const step of this.steps) {
        const inputs: tf.NamedTensorInfoMap = {};
        for (const [key, s] of step.inputs) inputs[key] = slots[s];
        slots[step.output] = step.kernel({
          inputs,
          attrs: step.attrs,
          backend: this.backend,
        }) as tf.TensorInfo;
        for (const s of step.free) {
          this.backend.disposeData(slots[s]!.dataId);
          slots[s] = undefined;
        }
      }
      return this.outputSlots.map((s) => this.backend.readSync(slots[s]!.dataId) as Float32Array);
    } finally {
      slots.forEach((info, s) => {
        if (info !== undefined && !this.isConstant[s]) this.backend.disposeData(info.dataId);
      });
    }
  }

  private runInArena(arena: Arena, input: Float32Array): Float32Array[] {
    const backend = this.backend as WasmBackend;
    const { slots, stepInputs } = arena;
    backend.wasm.HEAPF32.set(input, backend.dataIdMap.get(slots[0]!.dataId)!.memoryOffset >>> 2);
    const steps = this.steps;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      arena.next = slots[step.output];
      step.kernel({ inputs: stepInputs[i]!, attrs: step.attrs, backend: arena.backend });
      if (arena.next !== undefined) throw new Error(`graph plan: step ${i} (${step.name}) made no output`);
    }
    return this.outputSlots.map((s) => backend.readSync(slots[s]!.dataId) as Float32Array);
  }

  /**
   * Gives every intermediate result a fixed place in one block of WASM memory, allocated once:
   * results whose lives do not overlap share space, as in TFLite's arena. The kernels then write
   * to the same addresses every frame, and no memory is allocated, registered or freed per call.
   */
  private allocateArena(): void {
    const backend = this.backend as WasmBackend;
    // The output shapes, from one run as before.
    const shapes = new Array<readonly number[] | undefined>(this.isConstant.length);
    shapes[0] = this.inputShape;
    const probe = this.steps.map((step) => ({
      ...step,
      kernel: (args: Parameters<tf.KernelFunc>[0]) => {
        const out = step.kernel(args) as tf.TensorInfo;
        shapes[step.output] = out.shape;
        return out;
      },
    }));
    const steps = this.steps;
    this.steps = probe;
    try {
      this.runPerCall(new Float32Array(this.inputShape.reduce((a, b) => a * b)));
    } finally {
      this.steps = steps;
    }

    const end = steps.length;
    const lastUse = new Map<number, number>([[0, -1]]);
    steps.forEach((step, i) => {
      lastUse.set(step.output, i);
      for (const [, s] of step.inputs) if (!this.isConstant[s]) lastUse.set(s, i);
    });
    for (const s of this.outputSlots) lastUse.set(s, end);
    const ALIGN = 64;
    const bytes = (s: number) => Math.ceil((shapes[s]!.reduce((a, b) => a * b, 1) * 4) / ALIGN) * ALIGN;
    const live: { slot: number; offset: number; size: number }[] = [];
    const offsets = new Map<number, number>();
    let total = 0;
    const place = (slot: number, at: number) => {
      // Results read for the last time before step `at` have made room.
      for (let j = live.length - 1; j >= 0; j--) if (lastUse.get(live[j]!.slot)! < at) live.splice(j, 1);
      const size = bytes(slot);
      live.sort((a, b) => a.offset - b.offset);
      let offset = 0;
      for (const l of live) {
        if (l.offset - offset >= size) break;
        offset = Math.max(offset, l.offset + l.size);
      }
      live.push({ slot, offset, size });
      offsets.set(slot, offset);
      total = Math.max(total, offset + size);
    };
    place(0, -1);
    steps.forEach((step, i) => place(step.output, i));

    const pointer = backend.wasm._malloc(total + ALIGN) >>> 0;
    if (pointer === 0) throw new Error(`graph plan: no ${total} bytes of WASM memory`);
    const base = Math.ceil(pointer / ALIGN) * ALIGN;
    const slots = new Array<tf.TensorInfo | undefined>(this.isConstant.length);
    for (const [s, info] of this.constants) slots[s] = info;
    for (const [s, offset] of offsets) {
      slots[s] = backend.makeOutput([...shapes[s]!], 'float32', base + offset);
    }
    const arenaBackend = Object.create(backend) as WasmBackend;
    const arena: Arena = {
      pointer,
      bytes: total,
      slots,
      stepInputs: steps.map((step) => {
        const inputs: tf.NamedTensorInfoMap = {};
        for (const [key, s] of step.inputs) inputs[key] = slots[s]!;
        return inputs;
      }),
      backend: arenaBackend,
      next: undefined,
    };
    arenaBackend.makeOutput = () => {
      const out = arena.next;
      if (out === undefined) throw new Error('graph plan: a kernel made a second output');
      arena.next = undefined;
      return out;
    };
    this.arena = arena;
  }
}

/** The parts of tfjs-backend-wasm's BackendWasm the arena uses. */
interface WasmBackend extends tf.KernelBackend {
  readonly dataIdMap: {
    get(dataId: tf.DataId): { id: number; memoryOffset: number } | undefined;
    delete(dataId: tf.DataId): boolean;
  };
  readonly wasm: {
    readonly HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    readonly tfjs: { disposeData(id: number): void };
  };
  makeOutput(shape: number[], dtype: tf.DataType, memoryOffset?: number): tf.TensorInfo;
}

interface Arena {
  readonly pointer: number;
  readonly bytes: number;
  /** Slot -> its tensor: in the arena, or a weight. */
  readonly slots: readonly (tf.TensorInfo | undefined)[];
  readonly stepInputs: readonly tf.NamedTensorInfoMap[];
  /** The backend the kernels are given: makeOutput hands out `next`. */
  readonly backend: WasmBackend;
  next: tf.TensorInfo | undefined;
}

/** The ops compiled, by GraphDef op name. */
export const SUPPORTED_OPS = [
  '_FusedConv2D',
  'FusedDepthwiseConv2dNative',
  'DepthwiseConv2dNative',
  'AddV2',
  'ResizeBilinear',
  'Sigmoid',
] as const;

interface KernelCall {
  readonly kernel: string;
  readonly inputs: readonly (readonly [string, string])[];
  readonly attrs: tf.NamedAttrMap;
}

/**
 * A node as the kernel call tfjs-converter's op executors make for it (through tfjs-core's ops:
 * fused.conv2d, fused.depthwiseConv2d, depthwiseConv2d, add, image.resizeBilinear, sigmoid).
 */
function kernelCall(node: GraphNode, weight: (name: string) => tf.Tensor | undefined): KernelCall {
  const inputs = dataInputs(node);
  const at = (i: number): string => {
    const name = inputs[i];
    if (name === undefined) throw new Error(`graph plan: ${node.name} (${node.op}) lacks input ${i}`);
    return name;
  };
  switch (node.op) {
    case '_FusedConv2D':
    case 'FusedDepthwiseConv2dNative': {
      const fused = strings(node, 'fused_ops');
      if (fused[0] !== 'BiasAdd' || fused.length > 2 || intAttr(node, 'num_args') !== 1) {
        throw new Error(`graph plan: ${node.name} fuses ${fused.join('+')}; only BiasAdd[+activation]`);
      }
      return {
        kernel: node.op === '_FusedConv2D' ? tf.FusedConv2D : tf.FusedDepthwiseConv2D,
        inputs: [
          ['x', at(0)],
          ['filter', at(1)],
          ['bias', at(2)],
        ],
        attrs: { ...convAttrs(node), activation: activation(node, fused[1]), leakyreluAlpha: 0.2 },
      };
    }
    case 'DepthwiseConv2dNative':
      return {
        kernel: tf.DepthwiseConv2dNative,
        inputs: [
          ['x', at(0)],
          ['filter', at(1)],
        ],
        attrs: convAttrs(node),
      };
    case 'AddV2':
      return {
        kernel: tf.Add,
        inputs: [
          ['a', at(0)],
          ['b', at(1)],
        ],
        attrs: {},
      };
    case 'Sigmoid':
      return { kernel: tf.Sigmoid, inputs: [['x', at(0)]], attrs: {} };
    case 'ResizeBilinear': {
      const size = weight(at(1));
      if (size === undefined || size.size !== 2) {
        throw new Error(`graph plan: ${node.name}'s size must be a constant [height, width]`);
      }
      const [h, w] = size.dataSync();
      return {
        kernel: tf.ResizeBilinear,
        inputs: [['images', at(0)]],
        attrs: {
          alignCorners: node.attr?.align_corners?.b ?? false,
          halfPixelCenters: node.attr?.half_pixel_centers?.b ?? false,
          size: [h!, w!],
        },
      };
    }
    default:
      throw new Error(
        `graph plan: op ${node.op} (${node.name}) is not compiled (${SUPPORTED_OPS.join(', ')})`,
      );
  }
}

/** The data inputs of a node by node name (`name:0` is output 0; `^name` is a control input). */
function dataInputs(node: GraphNode): string[] {
  return (node.input ?? [])
    .filter((i) => !i.startsWith('^'))
    .map((i) => {
      const [name, index] = i.split(':');
      if (index !== undefined && index !== '0') {
        throw new Error(`graph plan: ${node.name} reads output ${index} of ${name}; only single outputs`);
      }
      return name!;
    });
}

function convAttrs(node: GraphNode): tf.NamedAttrMap {
  const padding = stringAttr(node, 'padding').toLowerCase();
  if (padding !== 'same' && padding !== 'valid') {
    throw new Error(`graph plan: ${node.name} pads ${padding}; only SAME or VALID`);
  }
  if ((node.attr?.data_format === undefined ? 'NHWC' : stringAttr(node, 'data_format')) !== 'NHWC') {
    throw new Error(`graph plan: ${node.name} is not NHWC`);
  }
  const strides = ints(node, 'strides');
  const dilations = node.attr?.dilations === undefined ? [1, 1, 1, 1] : ints(node, 'dilations');
  return {
    strides: [strides[1]!, strides[2]!],
    pad: padding,
    dataFormat: 'NHWC',
    dilations: [dilations[1]!, dilations[2]!],
  };
}

function activation(node: GraphNode, op: string | undefined): string {
  switch (op) {
    case undefined:
      return 'linear';
    case 'Relu':
      return 'relu';
    case 'Relu6':
      return 'relu6';
    default:
      throw new Error(`graph plan: ${node.name} fuses activation ${op}`);
  }
}

/** GraphDef strings are base64 in model.json; the ones read here are ASCII. */
const decode = (base64: string): string => atob(base64);

function stringAttr(node: GraphNode, key: string): string {
  const s = node.attr?.[key]?.s;
  if (s === undefined) throw new Error(`graph plan: ${node.name} has no ${key}`);
  return decode(s);
}

function strings(node: GraphNode, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map(decode);
}

function ints(node: GraphNode, key: string): number[] {
  const list = node.attr?.[key]?.list?.i;
  if (list === undefined || list.length !== 4) throw new Error(`graph plan: ${node.name} has no 4 ${key}`);
  return list.map(Number);
}

function intAttr(node: GraphNode, key: string): number {
  const i = node.attr?.[key]?.i;
  return i === undefined ? Number.NaN : Number(i);
}
