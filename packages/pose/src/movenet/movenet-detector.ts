import type { Pose } from '@hipwise/core';
import { channelsOf, frameSize, isPixelFrame, type DomFrame, type Frame } from '../frame.js';
import type { PoseDetector } from '../pose-detector.js';
import type { PoseRuntimeInfo } from '../model-loader/wasm-backend.js';
import { MOVENET_INPUT_SIZE } from './constants.js';
import { decodeMoveNet } from './decode.js';
import type { MoveNetGraph } from './graph.js';
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
  /** The letterboxed frame, RGB 0..255 (pixel frames are resampled into it). */
  private readonly pixels = new Int32Array(MOVENET_INPUT_SIZE * MOVENET_INPUT_SIZE * 3);
  /** The model's input: `pixels` through the graph's input scaling. */
  private readonly input = new Float32Array(this.pixels.length);
  private canvas: Canvas2D | undefined;
  private disposed = false;
  /** Where to read the next frame from, for frames of `cropFrame`'s size; undefined: whole. */
  private crop: CropRegion | undefined;
  private cropFrame = { width: 0, height: 0 };

  constructor(
    private readonly graph: MoveNetGraph,
    readonly info: PoseRuntimeInfo,
    private readonly cropTracking = true,
  ) {}

  /** Runs the model once on a blank input so that the first real frame is not the slow one. */
  warmUp(): void {
    this.pixels.fill(0);
    this.scalePixels();
    this.graph.run(this.input);
  }

  /**
   * Reads, runs (synchronously: the WASM backend) and tracks in one go, so a reset() always falls
   * between two frames, never inside one.
   */
  async estimate(frame: Frame): Promise<Pose> {
    if (this.disposed) throw new Error('estimate() on a disposed pose detector');
    const { width, height } = frameSize(frame);
    const sameSize = width === this.cropFrame.width && height === this.cropFrame.height;
    const crop = sameSize ? this.crop : undefined;
    const box =
      crop === undefined
        ? letterbox(width, height, MOVENET_INPUT_SIZE)
        : cropBox(crop, width, height, MOVENET_INPUT_SIZE);
    if (isPixelFrame(frame)) {
      letterboxPixels(frame.data, channelsOf(frame), box, this.pixels);
      this.scalePixels();
    } else {
      this.drawDomFrame(frame, box);
    }
    const pose = decodeMoveNet(this.graph.run(this.input), box);
    if (this.cropTracking) {
      this.crop = nextCropRegion(crop, pose, { width, height });
      this.cropFrame = { width, height };
    }
    return pose;
  }

  reset(): void {
    this.crop = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.graph.dispose();
  }

  private scalePixels(): void {
    const scale = this.graph.inputScale;
    const { pixels, input } = this;
    for (let i = 0; i < pixels.length; i += 3) {
      input[i] = scale[pixels[i]! * 3]!;
      input[i + 1] = scale[pixels[i + 1]! * 3 + 1]!;
      input[i + 2] = scale[pixels[i + 2]! * 3 + 2]!;
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
    const scale = this.graph.inputScale;
    const { input } = this;
    for (let i = 0, o = 0; o < input.length; i += 4, o += 3) {
      input[o] = scale[rgba[i]! * 3]!;
      input[o + 1] = scale[rgba[i + 1]! * 3 + 1]!;
      input[o + 2] = scale[rgba[i + 2]! * 3 + 2]!;
    }
  }
}

function create2dContext(size: number): Canvas2D {
  // One getContext call per kind of canvas: on their union, the overload TypeScript picks
  // depends on what else the program contains.
  let ctx: Canvas2D | null;
  if (typeof OffscreenCanvas === 'function') {
    ctx = new OffscreenCanvas(size, size).getContext('2d', { willReadFrequently: true });
  } else {
    const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
    ctx = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (ctx === null) throw new Error('no 2D canvas context to read video frames');
  return ctx;
}
