import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { MOVENET_MODEL_FILE } from '../movenet/constants.js';
import type { PlatformOptions, PosePlatform } from './types.js';
import { useWasmBackend } from './wasm-backend.js';

/**
 * Node: the model is read from disk through a custom IOHandler, because tfjs's own `file://`
 * handler lives in @tensorflow/tfjs-node, which cannot be installed here. The WASM backend finds
 * its .wasm files in its own dist folder by itself (checked: no setWasmPaths needed).
 */
export const platform: PosePlatform = {
  initBackend: (options) => useWasmBackend(options.wasmPath, options.wasmThreads),
  loadMoveNet: (options) => fileModelHandler(modelPath(options)).load(),
};

/** The model json shipped in @vladmandic/human (`models/` beside its `dist/`). */
export function defaultModelPath(): string {
  const entry = createRequire(import.meta.url).resolve('@vladmandic/human');
  return path.join(path.dirname(entry), '..', 'models', MOVENET_MODEL_FILE);
}

function modelPath(options: PlatformOptions): string {
  const url = options.modelUrl;
  if (url === undefined) return defaultModelPath();
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}

/** An IOHandler that reads a tfjs graph model's json and its weight files from disk. */
export function fileModelHandler(
  jsonPath: string,
): tf.io.IOHandler & Required<Pick<tf.io.IOHandler, 'load'>> {
  return {
    load: async () => {
      const modelJson = JSON.parse(await readFile(jsonPath, 'utf8')) as tf.io.ModelJSON;
      const dir = path.dirname(jsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const files = await Promise.all(
          manifest.flatMap((group) => group.paths).map((p) => readFile(path.join(dir, p))),
        );
        const weights = tf.io.concatenateArrayBuffers(
          files.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)),
        );
        return [specs, weights];
      });
    },
  };
}
