/**
 * The 13 real sitting photos in `packages/pose/fixtures/sitting/<label>/` (see SOURCES.md there),
 * for tests, e2e journeys and benchmarks in Node. Not for the app: it reads the file system.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import type { SittingPosture } from '@hipwise/core';
import type { PixelFrame } from '../frame.js';

export const SITTING_PHOTOS_DIR = fileURLToPath(new URL('../../fixtures/sitting/', import.meta.url));

/**
 * Folder label -> the class the sitting analysis should give. legs_folded (the source's
 * "kneeling": feet tucked under the chair on the toes) breaks rule 1 and is feet_not_flat.
 */
export const SITTING_LABEL_POSTURE: Readonly<Record<string, SittingPosture>> = {
  upright: 'upright',
  leaning_back: 'leaning_back',
  slouching: 'slouching',
  legs_folded: 'feet_not_flat',
};

export interface SittingPhoto {
  readonly label: string;
  readonly file: string;
  /** `<label>/<file>`, relative to SITTING_PHOTOS_DIR. */
  readonly rel: string;
  readonly expected: SittingPosture;
}

/** Every photo, by label then file name. Throws on a folder with no class in SITTING_LABEL_POSTURE. */
export function sittingPhotos(): SittingPhoto[] {
  return readdirSync(SITTING_PHOTOS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((label) => {
      const expected = SITTING_LABEL_POSTURE[label];
      if (expected === undefined)
        throw new Error(`unknown label folder ${label}: map it in SITTING_LABEL_POSTURE`);
      return readdirSync(path.join(SITTING_PHOTOS_DIR, label))
        .filter((f) => f.endsWith('.jpg'))
        .sort()
        .map((file) => ({ label, file, rel: `${label}/${file}`, expected }));
    });
}

/** Decodes `<label>/<file>` to RGBA (or RGB with `{ rgba: false }`). */
export function decodeSittingPhoto(
  rel: string,
  { rgba = true }: { rgba?: boolean } = {},
): PixelFrame & { readonly data: Uint8Array } {
  const img = jpeg.decode(readFileSync(path.join(SITTING_PHOTOS_DIR, rel)), {
    useTArray: true,
    formatAsRGBA: rgba,
  });
  return { data: img.data, width: img.width, height: img.height };
}
