/**
 * MoveNet takes a square image. A frame of another shape is scaled to fit (aspect ratio kept) and
 * centred on black bars ("letterbox"), so that bodies are not squashed; keypoints come back
 * normalised to that square and are mapped back to frame pixels with the same transform.
 */
export interface Letterbox {
  /** Side of the square model input, in pixels. */
  readonly size: number;
  /** Input pixels per frame pixel. */
  readonly scale: number;
  /** Where the frame's top-left corner lands in the input, in input pixels. */
  readonly offsetX: number;
  readonly offsetY: number;
  readonly frameWidth: number;
  readonly frameHeight: number;
}

export function letterbox(frameWidth: number, frameHeight: number, size: number): Letterbox {
  if (!(frameWidth > 0 && frameHeight > 0)) {
    throw new RangeError(`frame has no pixels (${frameWidth}x${frameHeight})`);
  }
  const scale = size / Math.max(frameWidth, frameHeight);
  return {
    size,
    scale,
    offsetX: (size - frameWidth * scale) / 2,
    offsetY: (size - frameHeight * scale) / 2,
    frameWidth,
    frameHeight,
  };
}

/**
 * A square of the frame (see calculators/crop-region.ts) as the model input: just another
 * letterbox, with the frame scaled so that the square fills the input and shifted so that its
 * corner lands on the input's; what lies outside the frame is black.
 */
export function cropBox(
  region: { readonly x: number; readonly y: number; readonly size: number },
  frameWidth: number,
  frameHeight: number,
  size: number,
): Letterbox {
  if (!(region.size > 0)) throw new RangeError(`crop has no pixels (side ${region.size})`);
  const scale = size / region.size;
  return { size, scale, offsetX: -region.x * scale, offsetY: -region.y * scale, frameWidth, frameHeight };
}

/** The part of the frame that lands inside the model input, in frame pixels. */
export function visibleSource(box: Letterbox): { x: number; y: number; width: number; height: number } {
  const x0 = Math.max(0, -box.offsetX / box.scale);
  const y0 = Math.max(0, -box.offsetY / box.scale);
  const x1 = Math.min(box.frameWidth, (box.size - box.offsetX) / box.scale);
  const y1 = Math.min(box.frameHeight, (box.size - box.offsetY) / box.scale);
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** From a point normalised to the model input (0..1) to frame pixels. */
export function toFramePixels(box: Letterbox, nx: number, ny: number): { x: number; y: number } {
  return {
    x: (nx * box.size - box.offsetX) / box.scale,
    y: (ny * box.size - box.offsetY) / box.scale,
  };
}

/**
 * Resamples RGB(A) frame bytes into the letterboxed RGB model input (int32, HWC, values 0..255).
 * Each input pixel is the mean of the frame pixels whose centres fall inside its footprint (an
 * area filter): a 1280-pixel photo shrinks ~7x to 192, and point sampling at that ratio aliases
 * thin limbs away. When upscaling, the footprint holds no centre and the nearest pixel is used.
 */
export function letterboxPixels(
  data: Uint8Array | Uint8ClampedArray,
  channels: 3 | 4,
  box: Letterbox,
  out: Int32Array = new Int32Array(box.size * box.size * 3),
): Int32Array {
  const { size, scale, offsetX, offsetY, frameWidth, frameHeight } = box;
  if (out.length !== size * size * 3) throw new RangeError('output buffer has the wrong size');
  const xs = footprints(size, offsetX, scale, frameWidth);
  const ys = footprints(size, offsetY, scale, frameHeight);
  const rowStride = frameWidth * channels;
  for (let oy = 0; oy < size; oy++) {
    const y0 = ys[2 * oy]!;
    const y1 = ys[2 * oy + 1]!;
    for (let ox = 0; ox < size; ox++) {
      const o = (oy * size + ox) * 3;
      const x0 = xs[2 * ox]!;
      const x1 = xs[2 * ox + 1]!;
      if (y0 < 0 || x0 < 0) {
        out[o] = 0;
        out[o + 1] = 0;
        out[o + 2] = 0;
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        let i = sy * rowStride + x0 * channels;
        for (let sx = x0; sx < x1; sx++, i += channels) {
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return out;
}

/**
 * For each input pixel along one axis, the half-open range [start, end) of frame pixels it covers,
 * as pairs in one array; start = -1 marks a pixel on the black bar.
 */
function footprints(size: number, offset: number, scale: number, frameLength: number): Int32Array {
  const ranges = new Int32Array(size * 2);
  for (let o = 0; o < size; o++) {
    const centre = (o + 0.5 - offset) / scale;
    if (centre < 0 || centre >= frameLength) {
      ranges[2 * o] = -1;
      ranges[2 * o + 1] = -1;
      continue;
    }
    // Frame pixel i is inside when its centre i + 0.5 lies in [(o - offset)/scale, (o+1 - offset)/scale).
    let start = Math.max(0, Math.ceil((o - offset) / scale - 0.5));
    let end = Math.min(frameLength, Math.ceil((o + 1 - offset) / scale - 0.5));
    if (end <= start) {
      start = Math.min(frameLength - 1, Math.floor(centre));
      end = start + 1;
    }
    ranges[2 * o] = start;
    ranges[2 * o + 1] = end;
  }
  return ranges;
}
