import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Pose } from '@hipwise/core';
import { channelsOf, frameSize, isPixelFrame, type DomFrame, type Frame } from '../frame.js';
import type { PoseDetector } from '../pose-detector.js';
import type { PoseRuntimeInfo } from '../model-loader/wasm-backend.js';
import { MOVENET_INPUT_SIZE } from './constants.js';
import { decodeMoveNet } from './decode.js';
import { cropBox, letterbox, letterboxPixels, visibleSource, type Letterbox } from './letterbox.js';
import { nextCropRegion, type CropRegion } from '../calculators/crop-region.js';

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * MoveNet SinglePose (Lightning) behind the PoseDetector interface. With crop tracking (the
 * default) it follows one person from frame to frame: a frame is read from the square around
 * where the last one found them (calculators/crop-region.ts), or whole when there is none yet or
 * they were lost, so a person a few metres away fills the model's input instead of a fifth of it.
 */
export class MoveNetDetector implements PoseDetector {
  private readonly input = new Int32Array(MOVENET_INPUT_SIZE * MOVENET_INPUT_SIZE * 3);
  private canvas: Canvas2D | undefined;
  private disposed = false;
  /** Where to read the next frame from, for frames of `cropFrame`'s size; undefined: whole. */
  private crop: CropRegion | undefined;
  private cropFrame = { width: 0, height: 0 };
  /** Bumped by reset(), so that a frame still running then does not set the crop afterwards. */
  private generation = 0;

  constructor(
    private readonly model: GraphModel,
    readonly info: PoseRuntimeInfo,
    private readonly cropTracking = true,
  ) {}

  /** Runs the model once on a blank input so that the first real frame is not the slow one. */
  async warmUp(): Promise<void> {
    this.input.fill(0);
    await this.run();
  }

  async estimate(frame: Frame): Promise<Pose> {
    if (this.disposed) throw new Error('estimate() on a disposed pose detector');
    const { width, height } = frameSize(frame);
    const generation = this.generation;
    const sameSize = width === this.cropFrame.width && height === this.cropFrame.height;
    const crop = sameSize ? this.crop : undefined;
    const box =
      crop === undefined
        ? letterbox(width, height, MOVENET_INPUT_SIZE)
        : cropBox(crop, width, height, MOVENET_INPUT_SIZE);
    if (isPixelFrame(frame)) letterboxPixels(frame.data, channelsOf(frame), box, this.input);
    else this.drawDomFrame(frame, box);
    const pose = decodeMoveNet(await this.run(), box);
    if (this.cropTracking && generation === this.generation) {
      this.crop = nextCropRegion(crop, pose, { width, height });
      this.cropFrame = { width, height };
    }
    return pose;
  }

  reset(): void {
    this.crop = undefined;
    this.generation++;
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
   * A DOM source (video, image, canvas) is drawn letterboxed (or its crop) straight into a 192x192
   * canvas: the browser scales it (with smoothing) far faster than reading the full frame back
   * and resizing it in JavaScript or tensors. Only the part that lands in the input is drawn.
   */
  private drawDomFrame(frame: DomFrame, box: Letterbox): void {
    const ctx = (this.canvas ??= create2dContext(box.size));
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, box.size, box.size);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    const src = visibleSource(box);
    if (src.width > 0 && src.height > 0) {
      ctx.drawImage(
        frame,
        src.x,
        src.y,
        src.width,
        src.height,
        box.offsetX + src.x * box.scale,
        box.offsetY + src.y * box.scale,
        src.width * box.scale,
        src.height * box.scale,
      );
    }
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
