/**
 * What `PoseDetector.estimate` accepts. A `PixelFrame` works everywhere (Node tests and benchmarks
 * decode photos into one; a browser `ImageData` is one too). The DOM sources exist only in the
 * browser, where they are drawn through a canvas.
 */
export interface PixelFrame {
  /** Row-major pixels, RGB (3 bytes a pixel) or RGBA (4 bytes, alpha ignored). */
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export type DomFrame =
  HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas | ImageBitmap;

export type Frame = PixelFrame | DomFrame;

export function isPixelFrame(frame: Frame): frame is PixelFrame {
  return 'data' in frame && (frame.data instanceof Uint8Array || frame.data instanceof Uint8ClampedArray);
}

/** Bytes per pixel of a pixel frame: 3 or 4, or an error for data of the wrong length. */
export function channelsOf(frame: PixelFrame): 3 | 4 {
  const pixels = frame.width * frame.height;
  if (pixels > 0 && frame.data.length === pixels * 4) return 4;
  if (pixels > 0 && frame.data.length === pixels * 3) return 3;
  throw new RangeError(
    `frame data has ${frame.data.length} bytes, expected ${pixels * 3} (RGB) or ${pixels * 4} (RGBA) for ${frame.width}x${frame.height}`,
  );
}

/** The frame's size in pixels; a video's is its intrinsic size, not its CSS box. */
export function frameSize(frame: Frame): { width: number; height: number } {
  if (isPixelFrame(frame)) return { width: frame.width, height: frame.height };
  if ('videoWidth' in frame) return { width: frame.videoWidth, height: frame.videoHeight };
  if ('naturalWidth' in frame) return { width: frame.naturalWidth, height: frame.naturalHeight };
  return { width: frame.width, height: frame.height };
}
