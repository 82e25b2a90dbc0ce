import { useCallback, useEffect, useState } from 'react';
import type { KeypointSmoother, PoseDetector } from '@hipwise/pose/worker-client';

/** The model plus what the coach builds per session; both come from the lazily loaded package. */
export interface PoseRuntime {
  readonly detector: PoseDetector;
  readonly createSmoother: () => KeypointSmoother;
}

/**
 * One detector for the life of the page: loading the model (~5 MB of weights, the WASM runtime,
 * a warm-up inference) takes seconds, so leaving the posture check for an exercise session and
 * coming back must not pay it again. The pose code is imported on first use, so it is a separate
 * download that people who never turn the camera on do not pay for.
 * A failed load is forgotten, so "Try again" really tries again.
 */
let shared: Promise<PoseRuntime> | undefined;

export function loadPoseRuntime(): Promise<PoseRuntime> {
  shared ??= import('@hipwise/pose/worker-client')
    .then(async (pose) => ({
      detector: await startDetector(pose.createWorkerPoseDetector),
      createSmoother: () => new pose.KeypointSmoother(),
    }))
    .catch((e: unknown) => {
      shared = undefined;
      throw e;
    });
  return shared;
}

/**
 * The model runs in a dedicated Worker (TensorFlow.js loads there, not on the page): React
 * renders, drawing the skeleton and the page's other work cannot delay an inference, and the
 * WASM threads wait without spinning. A browser that cannot run it there (no module workers or
 * no OffscreenCanvas in workers) runs it on the page as before.
 */
async function startDetector(
  inWorker: typeof import('@hipwise/pose/worker-client').createWorkerPoseDetector,
): Promise<PoseDetector> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./pose-worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    console.warn('no pose worker; running the pose model on the page', e);
  }
  if (worker !== undefined) {
    try {
      return await inWorker(worker);
    } catch (e) {
      console.warn('the pose worker failed; running the pose model on the page', e);
    }
  }
  const pose = await import('@hipwise/pose');
  return pose.createPoseDetector();
}

export type DetectorState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly runtime: PoseRuntime }
  | { readonly status: 'failed'; readonly message: string };

export const DETECTOR_FAILED =
  'The pose model could not be loaded. Check that hipwise is still running and reachable, then try again.';

/** Loads the shared detector once `enabled` (e.g. once the camera is on). */
export function usePoseDetector(enabled: boolean): { state: DetectorState; retry: () => void } {
  const [state, setState] = useState<DetectorState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    loadPoseRuntime().then(
      (runtime) => {
        if (live) setState({ status: 'ready', runtime });
      },
      (e: unknown) => {
        console.warn('pose model failed to load', e);
        if (live) setState({ status: 'failed', message: DETECTOR_FAILED });
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
