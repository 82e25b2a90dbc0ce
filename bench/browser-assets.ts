import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

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
