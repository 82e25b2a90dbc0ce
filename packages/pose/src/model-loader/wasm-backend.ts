import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/**
 * Selects the WASM backend, pointing it at `wasmPath` first when given. The path can only be set
 * before the backend first starts (tfjs-backend-wasm throws after), hence the findBackend guard.
 */
export async function useWasmBackend(wasmPath: string | undefined): Promise<void> {
  if (wasmPath !== undefined && tf.findBackend('wasm') === null) setWasmPaths(wasmPath);
  if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) {
    throw new Error('the tfjs WASM backend could not start');
  }
  await tf.ready();
}
