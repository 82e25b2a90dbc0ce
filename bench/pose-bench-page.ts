/**
 * The browser half of bench/pose-bench.ts, bundled by esbuild for the browser (so @hipwise/pose
 * picks its browser model loader: model and .wasm files from the bench's loopback server).
 * Runs the same per-frame pipeline as the camera coach on a 640x480 canvas and leaves the
 * timings on `window.__poseBench`.
 */
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { createPoseDetector, KeypointSmoother } from '@hipwise/pose';
// Until core's index.ts re-exports form/ (then: from '@hipwise/core').
import { analyzeChairBoat, analyzeSitting, holdTimer, startHold, type Pose } from '@hipwise/core';

export interface PoseBenchResult {
  readonly backend: string;
  readonly simd: boolean;
  readonly threads: boolean;
  /** XNNPACK's thread pool (1 without cross-origin isolation). */
  readonly threadsCount: number;
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly warmupFrames: number;
  /** Per frame: inference (incl. drawing the frame into the model input) + smoothing + analysis. */
  readonly frameMs: number[];
  /** Per frame: the analysis alone, averaged over ANALYSIS_REPEATS runs (timer resolution). */
  readonly analysisMs: number[];
  readonly posture: string;
  readonly error?: string;
}

declare global {
  interface Window {
    __poseBench?: PoseBenchResult | { error: string };
  }
}

const WARMUP_FRAMES = 20;
const FRAMES = 200;
/**
 * Chromium coarsens performance.now() to 0.1 ms without cross-origin isolation, coarser than one
 * analysis; timing a batch and dividing gives the per-call figure.
 */
const ANALYSIS_REPEATS = 50;

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

  const detector = await createPoseDetector();
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
  const poses: { pose: Pose; atMs: number }[] = [];
  let posture = 'none';
  for (let i = 0; i < FRAMES; i++) {
    const t0 = performance.now();
    const pose = smoother.smooth(await detector.estimate(canvas), t0);
    const sitting = analyse(pose, t0);
    frameMs.push(performance.now() - t0);
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
  detector.dispose();
  return {
    backend: tf.getBackend(),
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true,
    threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true,
    threadsCount: getThreadsCount(),
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    warmupFrames: WARMUP_FRAMES,
    frameMs,
    analysisMs,
    posture,
  };
}

main().then(
  (r) => {
    window.__poseBench = r;
  },
  (e: unknown) => {
    window.__poseBench = { error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) };
  },
);
