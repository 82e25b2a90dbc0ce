import { createPoseDetector } from '../create-pose-detector.js';
import type { PoseDetector } from '../pose-detector.js';
import { clock, type FromWorker, type ToWorker } from './protocol.js';

/** The parts of a DedicatedWorkerGlobalScope the host uses (the package is typed against DOM). */
export interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

export interface HostOptions {
  /**
   * Refuse to start without OffscreenCanvas: in a browser worker, video and image frames are
   * drawn into the model input on one, and a browser without it in workers (Safari before 16.4)
   * must run the model on the page instead. Pixel frames need no canvas.
   */
  readonly requireOffscreenCanvas?: boolean;
}

/**
 * Runs inside a dedicated Worker: loads the detector on `init` and answers each `estimate` with
 * the frame's keypoints (the page terminates the worker to free the model). Off the page's main
 * thread, React renders and drawing the skeleton never delay an inference, and the WASM threads
 * wait for each other with Atomics.wait, which a page's main thread may not use (it spins).
 */
export function hostPoseDetector(scope: WorkerScope, options: HostOptions = {}): void {
  let detector: Promise<PoseDetector> | undefined;
  const fail = (id: number | undefined, e: unknown) =>
    scope.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });

  scope.onmessage = (e) => {
    const msg = e.data;
    switch (msg.type) {
      case 'init':
        detector ??=
          options.requireOffscreenCanvas === true && typeof OffscreenCanvas !== 'function'
            ? Promise.reject(new Error('no OffscreenCanvas in this browser’s workers'))
            : createPoseDetector(msg.options);
        detector.then(
          (d) => scope.postMessage({ type: 'ready', info: d.info }),
          (err: unknown) => fail(undefined, err),
        );
        return;
      case 'estimate': {
        const { id, frame } = msg;
        const receivedAt = clock();
        if (detector === undefined) {
          if (frame.kind === 'bitmap') frame.bitmap.close();
          fail(id, new Error('estimate before init'));
          return;
        }
        detector
          .then((d) => d.estimate(frame.kind === 'bitmap' ? frame.bitmap : frame))
          .then(
            (pose) => scope.postMessage({ type: 'pose', id, pose, receivedAt, doneAt: clock() }),
            (err: unknown) => fail(id, err),
          )
          .finally(() => {
            if (frame.kind === 'bitmap') frame.bitmap.close();
          });
        return;
      }
      case 'reset':
        // Messages arrive in order: the next estimate is read whole.
        void detector?.then(
          (d) => d.reset(),
          () => undefined,
        );
        return;
    }
  };
}
