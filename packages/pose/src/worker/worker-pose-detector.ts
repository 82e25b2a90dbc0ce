import type { Pose } from '@hipwise/core';
import { isPixelFrame, type Frame } from '../frame.js';
import type { PoseDetector, PoseDetectorOptions } from '../pose-detector.js';
import { clock, type FromWorker, type ToWorker, type TransferredFrame } from './protocol.js';

/** Where the time of the last frame went, in ms (for benchmarks and diagnostics). */
export interface WorkerFrameTiming {
  /** Copying the frame into an ImageBitmap on the page. */
  readonly copyMs: number;
  /** From posting the frame until the worker picked it up. */
  readonly toWorkerMs: number;
  /** In the worker: drawing the frame into the model input, the model, decoding its output. */
  readonly inferMs: number;
  /** From the pose being ready in the worker until the page got it. */
  readonly toPageMs: number;
}

export interface WorkerPoseDetector extends PoseDetector {
  readonly lastTiming: WorkerFrameTiming | undefined;
}

interface Pending {
  readonly startedAt: number;
  readonly postedAt: number;
  readonly resolve: (pose: Pose) => void;
  readonly reject: (e: Error) => void;
}

/**
 * A PoseDetector whose model runs in `worker` (a dedicated Worker running this package's
 * `worker` entry): same interface as createPoseDetector, resolved once the worker has loaded
 * and warmed up the model. Each estimate copies the frame's current picture into an ImageBitmap
 * (a video's current frame; the only copy made) and moves it to the worker. dispose() terminates
 * the worker, which frees the model and its WASM threads.
 */
export function createWorkerPoseDetector(
  worker: Worker,
  options: PoseDetectorOptions = {},
): Promise<WorkerPoseDetector> {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let disposed = false;
  const send = (msg: ToWorker, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);

  let lastTiming: WorkerFrameTiming | undefined;
  /** Set once the worker has died: later frames fail at once instead of waiting forever. */
  let failure: Error | undefined;

  return new Promise<WorkerPoseDetector>((resolveReady, rejectReady) => {
    let ready = false;
    const failAll = (e: Error) => {
      failure ??= e;
      if (!ready) {
        // A worker that could not load the model is of no further use.
        worker.terminate();
        rejectReady(e);
      }
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      switch (msg.type) {
        case 'ready':
          ready = true;
          resolveReady({
            ...detector,
            info: msg.info,
            get lastTiming() {
              return lastTiming;
            },
          });
          return;
        case 'pose': {
          const p = pending.get(msg.id);
          if (p === undefined) return;
          pending.delete(msg.id);
          lastTiming = {
            copyMs: p.postedAt - p.startedAt,
            toWorkerMs: msg.receivedAt - p.postedAt,
            inferMs: msg.doneAt - msg.receivedAt,
            toPageMs: clock() - msg.doneAt,
          };
          p.resolve(msg.pose);
          return;
        }
        case 'error': {
          const err = new Error(msg.message);
          if (msg.id === undefined) {
            failAll(err);
            return;
          }
          pending.get(msg.id)?.reject(err);
          pending.delete(msg.id);
          return;
        }
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      failAll(new Error(`the pose worker failed: ${e.message || 'could not start'}`));
    };

    const detector: Omit<PoseDetector, 'info'> = {
      async estimate(frame: Frame): Promise<Pose> {
        if (disposed) throw new Error('estimate() on a disposed pose detector');
        if (failure !== undefined) throw failure;
        const startedAt = clock();
        const transferred = await transferable(frame);
        if (disposed || failure !== undefined) {
          if (transferred.kind === 'bitmap') transferred.bitmap.close();
          throw failure ?? new Error('estimate() on a disposed pose detector');
        }
        const id = nextId++;
        return new Promise<Pose>((resolve, reject) => {
          const moved = transferred.kind === 'bitmap' ? [transferred.bitmap] : [transferred.data.buffer];
          send({ type: 'estimate', id, frame: transferred }, moved);
          pending.set(id, { startedAt, postedAt: clock(), resolve, reject });
        });
      },
      reset() {
        if (!disposed && failure === undefined) send({ type: 'reset' });
      },
      dispose() {
        if (disposed) return;
        disposed = true;
        failAll(new Error('the pose detector was disposed'));
        worker.terminate();
      },
    };
    send({ type: 'init', options });
  });
}

/** The frame's current picture as something postMessage can move: the page keeps its frame. */
async function transferable(frame: Frame): Promise<TransferredFrame> {
  if (isPixelFrame(frame)) {
    // A copy with its own buffer to move (a Node Buffer's slice() would share its pool).
    const data =
      frame.data instanceof Uint8ClampedArray
        ? new Uint8ClampedArray(frame.data)
        : new Uint8Array(frame.data);
    return { kind: 'pixels', data, width: frame.width, height: frame.height };
  }
  return { kind: 'bitmap', bitmap: await createImageBitmap(frame) };
}
