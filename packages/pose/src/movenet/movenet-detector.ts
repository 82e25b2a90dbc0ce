import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Pose } from '@hipwise/core';
import { channelsOf, frameSize, isPixelFrame, type DomFrame, type Frame } from '../frame.js';
import type { PoseDetector } from '../pose-detector.js';
import type { PoseRuntimeInfo } from '../model-loader/wasm-backend.js';
import { MOVENET_INPUT_SIZE } from './constants.js';
import { decodeMoveNet } from './decode.js';
import { letterbox, letterboxPixels, type Letterbox } from './letterbox.js';

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** MoveNet SinglePose (Lightning) behind the PoseDetector interface. */
export class MoveNetDetector implements PoseDetector {
  private readonly input = new Int32Array(MOVENET_INPUT_SIZE * MOVENET_INPUT_SIZE * 3);
  private canvas: Canvas2D | undefined;
  private disposed = false;

  constructor(
    private readonly model: GraphModel,
    readonly info: PoseRuntimeInfo,
  ) {}

  /** Runs the model once on a blank input so that the first real frame is not the slow one. */
  async warmUp(): Promise<void> {
    this.input.fill(0);
    await this.run();
  }

  async estimate(frame: Frame): Promise<Pose> {
    if (this.disposed) throw new Error('estimate() on a disposed pose detector');
    const { width, height } = frameSize(frame);
    const box = letterbox(width, height, MOVENET_INPUT_SIZE);
    if (isPixelFrame(frame)) letterboxPixels(frame.data, channelsOf(frame), box, this.input);
    else this.drawDomFrame(frame, box);
    return decodeMoveNet(await this.run(), box);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }

  private async run(): Promise<Float32Array> {
    const output = tf.tidy(() => {
      const x = tf.tensor4d(this.input, [1, MOVENET_INPUT_SIZE, MOVENET_INPUT_SIZE, 3], 'int32');
      return this.model.execute(x) as tf.Tensor;
    });
    try {
      return (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
  }

  /**
   * A DOM source (video, image, canvas) is drawn letterboxed straight into a 192x192 canvas: the
   * browser scales it (with smoothing) far faster than reading the full frame back and resizing it
   * in JavaScript or tensors.
   */
  private drawDomFrame(frame: DomFrame, box: Letterbox): void {
    const ctx = (this.canvas ??= create2dContext(box.size));
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, box.size, box.size);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(frame, box.offsetX, box.offsetY, box.frameWidth * box.scale, box.frameHeight * box.scale);
    const rgba = ctx.getImageData(0, 0, box.size, box.size).data;
    for (let i = 0, o = 0; o < this.input.length; i += 4, o += 3) {
      this.input[o] = rgba[i]!;
      this.input[o + 1] = rgba[i + 1]!;
      this.input[o + 2] = rgba[i + 2]!;
    }
  }
}

function create2dContext(size: number): Canvas2D {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(size, size)
      : Object.assign(document.createElement('canvas'), { width: size, height: size });
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2D canvas context to read video frames');
  return ctx;
}
