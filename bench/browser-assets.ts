import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/chromium-args.js';

const require = createRequire(import.meta.url);

/** Where `@vladmandic/human` keeps the MoveNet model files the app serves. */
export const humanModelsDir = path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'models');

/** The tfjs WASM backend's .wasm files. */
export const tfjsWasmDir = path.join(
  path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);

/** One browser script (page or worker) bundled and minified in memory, as a bench page loads it. */
export async function bundleForBrowser(entry: string): Promise<Uint8Array> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = out.outputFiles[0]?.contents;
  if (js === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  return js;
}

/** Debian's Chromium, headless and offline-quiet, as every bench runs it; `extraArgs` for profiling. */
export function launchBenchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
