import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defaultModelPath } from './model-loader/node.js';
import { DEFAULT_MODEL_URL, DEFAULT_WASM_PATH } from './model-loader/browser.js';

export interface BrowserAsset {
  /** Absolute path of the file on disk. */
  readonly source: string;
  /** Where the browser loader asks for it, relative to the site root (no leading slash). */
  readonly fileName: string;
}

/**
 * The files the browser loader fetches from our own origin: the MoveNet model with its weights,
 * and tfjs-backend-wasm's .wasm binaries. The web build copies them into its output, so the
 * server serves them like any other static file and nothing is fetched from the internet.
 */
export function browserAssets(): BrowserAsset[] {
  const modelJson = defaultModelPath();
  const modelDir = path.dirname(modelJson);
  const modelBase = path.basename(modelJson, '.json');
  const urlDir = path.posix.dirname(DEFAULT_MODEL_URL).slice(1);
  const model = readdirSync(modelDir)
    .filter((f) => f === `${modelBase}.json` || (f.startsWith(modelBase) && f.endsWith('.bin')))
    .map((f) => ({ source: path.join(modelDir, f), fileName: `${urlDir}/${f}` }));
  const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  const wasm = readdirSync(wasmDir)
    .filter((f) => f.endsWith('.wasm'))
    .map((f) => ({ source: path.join(wasmDir, f), fileName: `${DEFAULT_WASM_PATH.slice(1)}${f}` }));
  return [...model, ...wasm];
}
