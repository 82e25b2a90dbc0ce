import { io } from '@tensorflow/tfjs-core';
import { MOVENET_MODEL_FILE } from '../movenet/constants.js';
import type { PosePlatform } from './types.js';
import { useWasmBackend } from './wasm-backend.js';

/**
 * Browser: the model and the .wasm binaries come from our own server (never a CDN), so the camera
 * coach works offline once loaded and no third party learns who uses it.
 */
export const DEFAULT_MODEL_URL = `/models/${MOVENET_MODEL_FILE}`;
export const DEFAULT_WASM_PATH = '/wasm/';

export const platform: PosePlatform = {
  initBackend: (options) => useWasmBackend(options.wasmPath ?? DEFAULT_WASM_PATH, options.wasmThreads),
  loadMoveNet: async (options) => {
    const handler = io.http(options.modelUrl ?? DEFAULT_MODEL_URL);
    if (handler.load === undefined) throw new Error('tfjs http IOHandler cannot load');
    return handler.load();
  },
};
