/**
 * A fake camera for the camera-coach journeys: Chromium's `--use-file-for-fake-video-capture`
 * plays a YUV4MPEG2 (.y4m) file in a loop as the webcam. We make one from a real side-view photo
 * of the pose package's fixtures (`@hipwise/pose/testing`), letterboxed into 640x480 as a
 * landscape webcam would frame a portrait scene.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSittingPhoto } from '@hipwise/pose/testing';
import type { Page } from 'playwright-core';
import { fileHarness } from './file-harness.js';
import type { Harness } from './harness.js';

/** Photos the journeys use, chosen from the 13 that the pose bench classifies correctly. */
export const PHOTOS = {
  upright: 'upright/nvinayvarma189_straight_hf.jpg',
  slouching: 'slouching/nvinayvarma189_hunchback.jpg',
  /**
   * Sitting reclined, feet down, arms not at shoulder height: the chair boat pose's trunk, hip,
   * knee and feet checks pass and an arm check does not (a form score between 0 and 100%).
   */
  reclined: 'leaning_back/nvinayvarma189_recline.jpg',
} as const;

export const FAKE_CAMERA_WIDTH = 640;
export const FAKE_CAMERA_HEIGHT = 480;

/** RGB, 3 bytes a pixel: a fixture photo as decoded, or a picture made here. */
export type RgbImage = ReturnType<typeof decodeSittingPhoto>;

export function decodePhoto(relativePath: string): RgbImage {
  return decodeSittingPhoto(relativePath, { rgba: false });
}

/**
 * Scales `src` to fit inside width x height keeping its aspect ratio (area average: each output
 * pixel is the mean of the source pixels it covers), centred on black.
 */
export function letterbox(src: RgbImage, width: number, height: number): RgbImage {
  const scale = Math.min(width / src.width, height / src.height);
  const w = Math.round(src.width * scale);
  const h = Math.round(src.height * scale);
  const offX = Math.floor((width - w) / 2);
  const offY = Math.floor((height - h) / 2);
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * src.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * src.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * src.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * src.width) / w));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const i = (sy * src.width + sx) * 3;
          r += src.data[i]!;
          g += src.data[i + 1]!;
          b += src.data[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = ((y + offY) * width + x + offX) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return { data: out, width, height };
}

const clampByte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/**
 * RGB to planar YUV 4:2:0 (Y plane, then U, then V at half resolution), full-range BT.601 as
 * JPEG uses: what the y4m colour space tag C420jpeg declares.
 */
export function toI420(img: RgbImage): Uint8Array {
  const { width, height, data } = img;
  if (width % 2 !== 0 || height % 2 !== 0) throw new RangeError('4:2:0 needs even width and height');
  const cw = width / 2;
  const ch = height / 2;
  const out = new Uint8Array(width * height + 2 * cw * ch);
  const uBase = width * height;
  const vBase = uBase + cw * ch;
  for (let i = 0, p = 0; p < width * height; i += 3, p++) {
    out[p] = clampByte(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
  }
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((2 * cy + dy) * width + 2 * cx + dx) * 3;
        r += data[i]!;
        g += data[i + 1]!;
        b += data[i + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      out[uBase + cy * cw + cx] = clampByte(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[vBase + cy * cw + cx] = clampByte(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

/** A y4m file of `frames` identical frames at 30 fps. */
export function y4mBytes(img: RgbImage, frames: number): Buffer {
  const header = Buffer.from(`YUV4MPEG2 W${img.width} H${img.height} F30:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const yuv = Buffer.from(toI420(img));
  const parts: Buffer[] = [header];
  for (let n = 0; n < frames; n++) parts.push(frameHeader, yuv);
  return Buffer.concat(parts);
}

export interface FakeCamera {
  /** The .y4m file to pass to `--use-file-for-fake-video-capture`. */
  readonly file: string;
  /** The Chromium flags that make it the webcam and grant camera permission without a prompt. */
  readonly chromiumArgs: readonly string[];
  remove(): void;
}

/** An empty room: a grey wall with a darker floor, no one in it. */
export function emptyRoom(): RgbImage {
  const data = new Uint8Array(FAKE_CAMERA_WIDTH * FAKE_CAMERA_HEIGHT * 3);
  for (let y = 0; y < FAKE_CAMERA_HEIGHT; y++) {
    const v = y < FAKE_CAMERA_HEIGHT * 0.7 ? 170 : 110;
    data.fill(v, y * FAKE_CAMERA_WIDTH * 3, (y + 1) * FAKE_CAMERA_WIDTH * 3);
  }
  return { data, width: FAKE_CAMERA_WIDTH, height: FAKE_CAMERA_HEIGHT };
}

/** What the fake camera shows: a photo of the fixtures (letterboxed into 640x480), or a picture. */
export type CameraScene = string | (() => RgbImage);

/** Writes a fake-camera video of one scene into a fresh temp directory. */
export function fakeCamera(scene: CameraScene): FakeCamera {
  const dir = mkdtempSync(join(tmpdir(), 'hipwise-camera-'));
  const file = join(dir, 'camera.y4m');
  const img =
    typeof scene === 'string'
      ? letterbox(decodePhoto(scene), FAKE_CAMERA_WIDTH, FAKE_CAMERA_HEIGHT)
      : scene();
  writeFileSync(file, y4mBytes(img, 4));
  return {
    file,
    chromiumArgs: [
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${file}`,
    ],
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * An init script for the page: keeps every camera stream the page gets on
 * `window.__hipwiseCameraStreams`, so a test can check the tracks itself instead of trusting what
 * the app says about them.
 */
export function recordCameraStreams(): void {
  const w = window as unknown as { __hipwiseCameraStreams: MediaStream[] };
  w.__hipwiseCameraStreams = [];
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    w.__hipwiseCameraStreams.push(stream);
    return stream;
  };
}

/** readyState of every track of every stream the page has had, in order. */
export async function cameraTrackStates(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __hipwiseCameraStreams: MediaStream[] }).__hipwiseCameraStreams.flatMap((s) =>
      s.getTracks().map((t) => t.readyState),
    ),
  );
}

/** What `watchPoseFrames` keeps on the page's window. */
interface PoseFrameWatch {
  __hipwiseInferences: number;
  __hipwiseSlowModelMs?: number;
}

/**
 * An init script for the page: counts the frames the page sends to the pose worker (each is one
 * inference) on `window.__hipwiseInferences`, and once `__hipwiseSlowModelMs` is set holds each
 * back that long, as on a device where the model is that slow. The model is the real one.
 */
export function watchPoseFrames(): void {
  const w = window as unknown as PoseFrameWatch;
  w.__hipwiseInferences = 0;
  type Post = (this: Worker, ...args: Parameters<Worker['postMessage']>) => void;
  const post = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')?.value as Post;
  Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
    const msg: unknown = args[0];
    const estimate =
      typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'estimate';
    if (estimate) w.__hipwiseInferences++;
    const delayMs = w.__hipwiseSlowModelMs ?? 0;
    if (estimate && delayMs > 0) setTimeout(() => post.apply(this, args), delayMs);
    else post.apply(this, args);
  } as Worker['postMessage'];
}

/** Frames sent to the model so far (needs `watchPoseFrames`). */
export const inferences = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as PoseFrameWatch).__hipwiseInferences);

/** Waits until `more` frames beyond `from` have gone to the model (needs `watchPoseFrames`). */
export async function inferencesReach(page: Page, from: number, more: number): Promise<void> {
  await page.waitForFunction(
    (n) => (window as unknown as PoseFrameWatch).__hipwiseInferences >= n,
    from + more,
    { timeout: 30_000 },
  );
}

/** From now on, the pose model answers each frame `ms` late (needs `watchPoseFrames`). */
export async function slowPoseModel(page: Page, ms: number): Promise<void> {
  await page.evaluate((delayMs) => {
    (window as unknown as PoseFrameWatch).__hipwiseSlowModelMs = delayMs;
  }, ms);
}

/** A request as recorded from playwright's `request` event. */
export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly body: Buffer | null;
}

/** Records every request the page makes from now on (for as long as the page is open). */
export function recordRequests(page: Page): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  return requests;
}

const IMAGE_MAGIC = [
  ['JPEG', Buffer.from([0xff, 0xd8, 0xff])],
  ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['WebP', Buffer.from('WEBP', 'ascii')],
] as const;
/** Far more than any JSON the app posts, far less than one camera frame. */
const MAX_BODY_BYTES = 4096;

/**
 * Frames never leave the browser: every request went to our own origin on loopback, and no body
 * is large enough for a frame or carries JPEG/PNG/WebP bytes or a data:image URL.
 */
export function assertNoImageUploads(requests: readonly RecordedRequest[], origin: string): void {
  for (const r of requests) {
    const url = new URL(r.url);
    assert.equal(url.origin, origin, `request to another origin: ${r.url}`);
    // blob: URLs (tfjs's WASM worker threads) are read from the page's own memory, not the network.
    if (url.protocol !== 'blob:') {
      assert.ok(['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname), `non-loopback request: ${r.url}`);
    }
    if (r.body === null) continue;
    assert.ok(r.body.length <= MAX_BODY_BYTES, `${r.method} ${r.url} sent ${r.body.length} bytes`);
    for (const [name, magic] of IMAGE_MAGIC) {
      assert.equal(r.body.indexOf(magic), -1, `${r.method} ${r.url} carries ${name} bytes`);
    }
    assert.ok(
      !r.body.toString('latin1').includes('data:image'),
      `${r.method} ${r.url} carries a data:image URL`,
    );
  }
}

/** Loading the model and the first inference take seconds on a busy 2-core machine. */
export const MODEL_TIMEOUT = 90_000;

/**
 * A harness whose Chromium's camera plays `scene`, started and closed by `before`/`after` hooks
 * of the current test scope (Chromium reads the camera file at launch, so one scene per harness).
 */
export function harnessWithCamera(scene: CameraScene): () => Harness {
  let camera: FakeCamera | undefined;
  return fileHarness({
    options: () => {
      camera = fakeCamera(scene);
      return { chromiumArgs: camera.chromiumArgs };
    },
    cleanup: () => camera?.remove(),
  });
}

/** N in the coach's "Seeing N of 17 joints" (NaN when the text is not that). */
export function jointsIn(text: string | null): number {
  return Number(/Seeing (\d+) of 17/.exec(text ?? '')?.[1]);
}

/** Waits for the coach's first "Seeing N of 17 joints" status and returns N. */
export async function seenJoints(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /Seeing \d+ of 17 joints/ });
  await status.waitFor({ timeout: MODEL_TIMEOUT });
  return jointsIn(await status.textContent());
}
