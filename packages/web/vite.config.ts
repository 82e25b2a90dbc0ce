import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { browserAssets } from '@hipwise/pose/browser-assets';
import { webManifest } from './src/pwa/web-manifest';

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

const COMPRESSIBLE = /\.(?:js|css|wasm|json|webmanifest|svg|html|txt)$/;

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
    // After the other plugins' closeBundle (they run side by side): the service worker is written there.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        compressAll(outDir);
      },
    },
  };
}

function compressAll(outDir: string): void {
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
}

/**
 * The web app manifest and the service worker (src/sw/sw.ts, built by Vite with the list of files
 * to precache injected). Why injectManifest and what is cached: docs/decisions/service-worker.md.
 */
function installable() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/sw',
    filename: 'sw.ts',
    // Registered by src/pwa/register.ts, loaded after the first render, so the first visit's
    // JavaScript does not grow.
    injectRegister: false,
    registerType: 'prompt',
    manifest: webManifest,
    // The glob below finds the icons and the favicon; the plugin's own list would add them twice.
    // It adds manifest.webmanifest itself.
    includeManifestIcons: false,
    injectManifest: {
      // One classic script: the registration asks for no module worker.
      rollupFormat: 'iife',
      globPatterns: ['**/*.{js,css,html,svg,png,json,bin,wasm}'],
      // .vite/ is the build's own manifest (for the budget check), never served to the app.
      globIgnores: ['.vite/**'],
      // The MoveNet weights (movenet-lightning.bin) are 4.7 MB; Workbox's default limit (2 MB)
      // would leave them out and the camera coach would need the network.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
  });
}

export default defineConfig({
  plugins: [react(), poseAssets(), installable(), precompress()],
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
