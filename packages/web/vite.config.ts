import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { browserAssets } from '@hipwise/pose/browser-assets';

/** Puts the pose model and the tfjs .wasm files into the build, so our server serves them. */
function poseAssets(): Plugin {
  return {
    name: 'hipwise-pose-assets',
    apply: 'build',
    generateBundle() {
      for (const asset of browserAssets()) {
        this.emitFile({ type: 'asset', fileName: asset.fileName, source: readFileSync(asset.source) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), poseAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill is an inline script, which the server's CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    // Keep every asset a file: a data: URL for a font or script would also fall foul of the CSP.
    assetsInlineLimit: 0,
    // tfjs starts its WASM worker threads from the source text of a bundled function
    // (Function.prototype.toString); esbuild's minifier keeps that function self-contained, the
    // default one did not, and the workers failed to start.
    minify: 'esbuild',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
