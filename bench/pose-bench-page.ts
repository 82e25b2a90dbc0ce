/**
 * The browser half of bench/pose-bench.ts, bundled by esbuild for the browser (so @hipwise/pose
 * picks its browser model loader: model and .wasm files from the bench's loopback server).
 * Runs the same per-frame pipeline as the camera coach on a 640x480 canvas (a still picture, so
 * that no video decoder shares the CPU): by default as the app does, the model in a dedicated
 * Worker and frames arriving at 30 fps. It leaves the
 * timings on `window.__poseBench`, a promise that the bench awaits (no polling: a polling
 * `waitForFunction` would run in this page's main thread during the timed frames).
 */
import { createPoseDetector, createWorkerPoseDetector, KeypointSmoother } from '@hipwise/pose';
import { SCENE_PLACES, scenePlacement, type ScenePlace } from '@hipwise/pose/testing/scene';
import { analyzeChairBoat, analyzeSitting, holdTimer, startHold, type Pose } from '@hipwise/core';

export interface PoseBenchResult {
  readonly backend: string;
  readonly simd: boolean;
  readonly threads: boolean;
  /** XNNPACK's thread pool (1 without cross-origin isolation). */
  readonly threadsCount: number;
  /** The model ran in a dedicated Worker. */
  readonly worker: boolean;
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly warmupFrames: number;
  /** Frames arrived at this rate (0: back to back). */
  readonly fps: number;
  /** Per frame: inference (incl. drawing the frame into the model input) + smoothing + analysis. */
  readonly frameMs: number[];
  /** Per frame: the analysis alone, averaged over ANALYSIS_REPEATS runs (timer resolution). */
  readonly analysisMs: number[];
  readonly posture: string;
  /** Worker only: each timed frame split into its parts (see WorkerFrameTiming), ms. */
  readonly parts?: Readonly<Record<string, number[]>>;
  readonly error?: string;
}

/** `?scales=`: the sitting photos placed small in the frame, per scale, tracked and read whole. */
export interface ScaleBenchResult {
  readonly frames: number;
  readonly rows: readonly {
    readonly scale: number;
    /** cropTracking on (the app) or off (every frame read whole, letterboxed). */
    readonly tracking: boolean;
    readonly correct: number;
    readonly total: number;
    readonly misses: readonly string[];
    readonly frameMs: readonly number[];
  }[];
}

/** What the bench server lists at /photos.json: each photo under /photos/<rel> and its class. */
export interface BenchPhoto {
  readonly rel: string;
  readonly expected: string;
}

declare global {
  interface Window {
    __poseBench?: Promise<PoseBenchResult | ScaleBenchResult | { error: string }>;
  }
}

const WARMUP_FRAMES = 20;
const FRAMES = 200;
/**
 * Chromium coarsens performance.now() to 0.1 ms without cross-origin isolation, coarser than one
 * analysis; timing a batch and dividing gives the per-call figure.
 */
const ANALYSIS_REPEATS = 50;

/**
 * How the frames are run, from the page's query string (bench/pose-bench.ts `--page=`); the
 * defaults are what the app does.
 */
const params = new URLSearchParams(location.search);
const num = (k: string): number | undefined => {
  const v = params.get(k);
  return v === null || v === '' ? undefined : Number(v);
};
/**
 * The rate frames arrive at, as from the camera (the app asks for 30 fps and analyses each new
 * video frame, skipping those that arrive while one is being analysed); 0 = back to back, every
 * frame starting as soon as the previous one is done (the bench's method before 2026-11-27 09:00).
 * The figure is always the time from a frame's start to its analysis being done, never the wait.
 */
const FPS = num('fps') ?? 30;
/** XNNPACK threads; default as the app (wasmThreadsFor: 2 on a 2-CPU machine). */
const THREADS = num('threads');
/** The model in a dedicated Worker, as the app runs it (`worker=0`: on this page's main thread). */
const WORKER = params.get('worker') !== '0';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(): Promise<PoseBenchResult> {
  const img = new Image();
  img.src = '/frame.jpg';
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2d context');
  ctx.drawImage(img, 0, 0);

  const options = { wasmThreads: THREADS };
  const inWorker = WORKER
    ? await createWorkerPoseDetector(new Worker('/pose-worker.js', { type: 'module' }), options)
    : undefined;
  const detector = inWorker ?? (await createPoseDetector(options));
  const smoother = new KeypointSmoother();
  let hold = startHold(30_000);
  // What the app does with each frame: the posture and the exercise checks plus the hold timer.
  const analyse = (pose: Pose, atMs: number) => {
    const sitting = analyzeSitting(pose);
    const boat = analyzeChairBoat(pose);
    hold = holdTimer(hold, { type: 'frame', atMs, result: boat });
    return sitting;
  };

  for (let i = 0; i < WARMUP_FRAMES; i++) {
    const t = performance.now();
    analyse(smoother.smooth(await detector.estimate(canvas), t), t);
  }
  const frameMs: number[] = [];
  const parts: Record<string, number[]> = { copy: [], toWorker: [], infer: [], toPage: [] };
  const poses: { pose: Pose; atMs: number }[] = [];
  let posture = 'none';
  const period = FPS > 0 ? 1000 / FPS : 0;
  let due = performance.now();
  for (let i = 0; i < FRAMES; i++) {
    if (period > 0) {
      // The next frame arrives at `due`; one that was missed while busy is skipped, as in the app.
      const now = performance.now();
      while (due < now) due += period;
      await sleep(due - now);
    }
    const t0 = performance.now();
    const pose = smoother.smooth(await detector.estimate(canvas), t0);
    const sitting = analyse(pose, t0);
    frameMs.push(performance.now() - t0);
    const timing = inWorker?.lastTiming;
    if (timing !== undefined) {
      parts.copy!.push(timing.copyMs);
      parts.toWorker!.push(timing.toWorkerMs);
      parts.infer!.push(timing.inferMs);
      parts.toPage!.push(timing.toPageMs);
    }
    posture = sitting.kind === 'judged' ? sitting.posture : sitting.kind;
    poses.push({ pose, atMs: t0 });
  }
  // The analysis alone, repeated, after the frame loop: inside it, its garbage would bring GC
  // pauses into the timed frames that the app (one analysis a frame) does not have.
  const analysisMs = poses.map(({ pose, atMs }) => {
    const a0 = performance.now();
    for (let r = 0; r < ANALYSIS_REPEATS; r++) analyse(pose, atMs);
    return (performance.now() - a0) / ANALYSIS_REPEATS;
  });
  const { info } = detector;
  detector.dispose();
  return {
    backend: info.backend,
    simd: info.simd,
    threads: info.threads,
    threadsCount: info.threadsCount,
    worker: WORKER,
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    warmupFrames: WARMUP_FRAMES,
    fps: FPS,
    frameMs,
    analysisMs,
    posture,
    ...(WORKER ? { parts } : {}),
  };
}

const STILL_FRAMES = 10;

/**
 * Each photo at each scale and place (bench: the same scenes as `sceneFrame` of
 * @hipwise/pose/testing, drawn nearest-neighbour on a grey 640x480 canvas) is fed STILL_FRAMES
 * times to a fresh-reset worker detector, as the app feeds video frames, then smoothed and
 * analysed as the app does: right when the last frame's class is the photo's.
 */
async function scaleAccuracy(scales: readonly number[]): Promise<ScaleBenchResult> {
  const list = (await (await fetch('/photos.json')).json()) as BenchPhoto[];
  const photos = await Promise.all(
    list.map(async (p) => {
      const img = new Image();
      img.src = `/photos/${p.rel}`;
      await img.decode();
      return { ...p, img };
    }),
  );
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2d context');
  const draw = (img: HTMLImageElement, scale: number, place: ScenePlace) => {
    ctx.fillStyle = 'rgb(128,128,128)';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.imageSmoothingEnabled = false;
    const r = scenePlacement({ width: img.naturalWidth, height: img.naturalHeight }, scale, place);
    ctx.drawImage(img, r.x, r.y, r.width, r.height);
  };
  const rows: ScaleBenchResult['rows'][number][] = [];
  for (const tracking of [true, false]) {
    const worker = new Worker('/pose-worker.js', { type: 'module' });
    const detector = await createWorkerPoseDetector(worker, { wasmThreads: THREADS, cropTracking: tracking });
    try {
      for (const scale of scales) {
        let correct = 0;
        const misses: string[] = [];
        const frameMs: number[] = [];
        for (const p of photos) {
          for (const place of SCENE_PLACES) {
            draw(p.img, scale, place);
            detector.reset();
            const smoother = new KeypointSmoother();
            let predicted = 'cannot_see';
            for (let i = 0; i < STILL_FRAMES; i++) {
              const t0 = performance.now();
              const pose = smoother.smooth(await detector.estimate(canvas), t0);
              const r = analyzeSitting(pose);
              frameMs.push(performance.now() - t0);
              predicted = r.kind === 'judged' ? r.posture : r.kind;
            }
            if (predicted === p.expected) correct++;
            else misses.push(`${p.rel} at ${place}: ${predicted}`);
          }
        }
        rows.push({ scale, tracking, correct, total: photos.length * SCENE_PLACES.length, misses, frameMs });
      }
    } finally {
      detector.dispose();
    }
  }
  return { frames: STILL_FRAMES, rows };
}

const scalesParam = params.get('scales');
window.__poseBench = (
  scalesParam === null ? main() : scaleAccuracy(scalesParam.split(',').map(Number))
).catch((e: unknown) => ({
  error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e),
}));
