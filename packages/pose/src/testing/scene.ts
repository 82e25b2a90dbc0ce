import type { PixelFrame } from '../frame.js';

/** Where a person stands across the frame: flush with an edge, or a fraction of the free width. */
export type ScenePlace = 'left-edge' | 0.2 | 0.8 | 'right-edge';
export const SCENE_PLACES: readonly ScenePlace[] = ['left-edge', 0.2, 0.8, 'right-edge'];

/** Where the photo lands in the frame, in frame pixels (shared with the browser bench's canvas). */
export function scenePlacement(
  photo: { readonly width: number; readonly height: number },
  scale: number,
  place: ScenePlace,
  width = 640,
  height = 480,
): { x: number; y: number; width: number; height: number } {
  const h = Math.max(1, Math.round(height * scale));
  const w = Math.max(1, Math.min(width, Math.round((photo.width * h) / photo.height)));
  const free = width - w;
  const x = place === 'left-edge' ? 0 : place === 'right-edge' ? free : Math.round(free * place);
  return { x, y: Math.floor((height - h) / 2), width: w, height: h };
}

/**
 * A webcam-like RGBA frame (grey, 640x480 by default) holding `photo` scaled to `scale` of the
 * frame's height (nearest neighbour: a person further away covers fewer sensor pixels), centred
 * vertically and at `place` across: about what a webcam sees of someone seated 3-4 m away at
 * 0.5-0.35.
 */
export function sceneFrame(
  photo: PixelFrame,
  scale: number,
  place: ScenePlace,
  width = 640,
  height = 480,
): PixelFrame & { readonly data: Uint8Array } {
  const channels = photo.data.length / (photo.width * photo.height);
  const { x: x0, y: y0, width: w, height: h } = scenePlacement(photo, scale, place, width, height);
  const out = new Uint8Array(width * height * 4).fill(128);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(photo.height - 1, Math.floor(((y + 0.5) * photo.height) / h));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(photo.width - 1, Math.floor(((x + 0.5) * photo.width) / w));
      const i = (sy * photo.width + sx) * channels;
      const o = ((y0 + y) * width + x0 + x) * 4;
      out[o] = photo.data[i]!;
      out[o + 1] = photo.data[i + 1]!;
      out[o + 2] = photo.data[i + 2]!;
    }
  }
  for (let o = 3; o < out.length; o += 4) out[o] = 255;
  return { data: out, width, height };
}
