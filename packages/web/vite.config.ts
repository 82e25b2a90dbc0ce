import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

const COMPRESSIBLE = /\.(?:js|css|wasm|json|svg|html|txt)$/;

/**
 * Writes a .br and a .gz beside every compressible file of the build, so the server sends them
 * precompressed (hono's serveStatic `precompressed`) without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hipwise-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        // .vite/ holds the build's manifest, which is read by the budget check, not served.
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name) || entry.parentPath.includes('.vite')) continue;
        const file = join(entry.parentPath, entry.name);
        const raw = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(raw, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), poseAssets(), precompress()],
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunks each page loads, for the JavaScript budget check.
    manifest: true,
    emptyOutDir: true,
    // The polyfill is an inline script, which the server's CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    // Keep every asset a file: a data: URL for a font or script would also fall foul of the CSP.
    assetsInlineLimit: 0,
    // tfjs starts its WASM worker threads from the source text of a bundled function
    // (Function.prototype.toString); esbuild's minifier keeps that function self-contained, the
    // default one did not, and the workers failed to start.
    minify: 'esbuild',
    rollupOptions: {
      output: {
        // zod with the module that switches its code generation off (the CSP forbids eval), in a
        // chunk of their own: every chunk that builds a schema imports it, so the switch is set
        // before any schema exists, whatever page loads first.
        manualChunks: (id) =>
          /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zod-csp\.ts$/.test(id) ? 'zod' : undefined,
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
