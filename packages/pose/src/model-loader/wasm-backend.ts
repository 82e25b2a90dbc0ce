import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
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
export async function useWasmBackend(wasmPath: string | undefined): Promise<void> {
  started ??= startWasmBackend(wasmPath).catch((e: unknown) => {
    started = undefined;
    throw e;
  });
  await started;
  // Someone may have switched backends since.
  if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) {
    throw new Error('the tfjs WASM backend could not start');
  }
}

async function startWasmBackend(wasmPath: string | undefined): Promise<void> {
  if (wasmPath !== undefined) setWasmPaths(wasmPath);
  await withWasmThreads(async () => {
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs WASM backend could not start');
    await tf.ready();
  });
}
