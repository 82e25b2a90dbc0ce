import type { Pose } from '@hipwise/core';
import type { PoseDetectorOptions } from '../pose-detector.js';
import type { PoseRuntimeInfo } from '../model-loader/wasm-backend.js';

/**
 * Messages between a page and the pose worker (worker-host.ts). Frames go in as transferred
 * ImageBitmaps or pixel buffers (moved, not copied) and only keypoints come back: nothing here
 * ever leaves the device.
 */
export type ToWorker =
  | { readonly type: 'init'; readonly options: PoseDetectorOptions }
  | { readonly type: 'estimate'; readonly id: number; readonly frame: TransferredFrame }
  | { readonly type: 'reset' };

export type FromWorker =
  | { readonly type: 'ready'; readonly info: PoseRuntimeInfo }
  | {
      readonly type: 'pose';
      readonly id: number;
      readonly pose: Pose;
      /** When the worker got the frame and when the pose was ready (performance.timeOrigin + now()). */
      readonly receivedAt: number;
      readonly doneAt: number;
    }
  | { readonly type: 'error'; readonly id: number | undefined; readonly message: string };

export type TransferredFrame =
  | { readonly kind: 'bitmap'; readonly bitmap: ImageBitmap }
  | {
      readonly kind: 'pixels';
      readonly data: Uint8Array | Uint8ClampedArray;
      readonly width: number;
      readonly height: number;
    };

/** Milliseconds on a clock that the page and its workers share (each has its own timeOrigin). */
export const clock = (): number => performance.timeOrigin + performance.now();
