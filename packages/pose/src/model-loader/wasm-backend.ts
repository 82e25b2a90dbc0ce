import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { withWasmThreads } from './wasm-threads.js';

let started: Promise<void> | undefined;

/**
 * Selects the WASM backend, pointing it at `wasmPath` first when given (tfjs-backend-wasm reads
 * the path only when the backend first starts). The backend is started once: `tf.findBackend`
 * must not be used to ask whether it has been, since it starts the backend itself, and a
 * `setBackend` after it starts a second WASM module (a second download of the .wasm and, in a
 * cross-origin-isolated page, a second pool of 8 workers) and throws the first away.
 * In a cross-origin-isolated page tfjs picks its threaded build; withWasmThreads sizes its pool.
 */
export async function useWasmBackend(wasmPath: string | undefined, threads?: number): Promise<void> {
  started ??= startWasmBackend(wasmPath, threads).catch((e: unknown) => {
    started = undefined;
    throw e;
  });
  await started;
  // Someone may have switched backends since.
  if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) {
    throw new Error('the tfjs WASM backend could not start');
  }
}

async function startWasmBackend(wasmPath: string | undefined, threads: number | undefined): Promise<void> {
  if (wasmPath !== undefined) setWasmPaths(wasmPath);
  await withWasmThreads(async () => {
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend could not start');
    await tf.ready();
  }, threads);
}

/** What the pose model runs on, for benchmarks and diagnostics. */
export interface PoseRuntimeInfo {
  readonly backend: string;
  readonly simd: boolean;
  /** The threaded WASM build was chosen (cross-origin isolated). */
  readonly threads: boolean;
  /** XNNPACK's thread pool, the calling thread included. */
  readonly threadsCount: number;
}

export async function wasmRuntimeInfo(): Promise<PoseRuntimeInfo> {
  return {
    backend: tf.getBackend(),
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true,
    threads: (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true,
    threadsCount: getThreadsCount(),
  };
}
