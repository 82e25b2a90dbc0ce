/**
 * `npm run bench:pose`: the pose pipeline on real photos and its speed in the browser.
 *
 * 1. Node: every photo in ../shared/data/pose/sitting/<label>/ (beside the repo) is decoded,
 *    run through MoveNet Lightning on the WASM backend and the sitting-posture analysis, and
 *    compared with its folder's label: a confusion table and `sitting_accuracy: K/N`.
 * 2. Headless Chromium (Debian's /usr/bin/chromium via playwright-core), loopback only: a page
 *    bundled by esbuild runs 200 frames of a 640x480 image after warm-up and we print
 *    `pose_frame_ms_p50`, `pose_frame_ms_p95` (inference + smoothing + analysis) and
 *    `analysis_ms_p50` (analysis alone).
 *
 * Label -> class: upright, leaning_back and slouching are our classes by name; legs_folded
 * (the source's "kneeling": feet tucked under the chair on the toes) breaks rule 1 and is
 * feet_not_flat.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import jpeg from 'jpeg-js';
import { chromium } from 'playwright-core';
import { createPoseDetector, type PixelFrame } from '@hipwise/pose';
// Until core's index.ts re-exports form/ (then: from '@hipwise/core').
import { analyzeSitting, type SittingPosture } from '@hipwise/core';
import type { PoseBenchResult } from './pose-bench-page.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
// CI lays shared/ beside the repo; so does the workplace (/work/shared next to /work/main).
const dataDir = process.env.HIPWISE_POSE_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data', 'pose');

const LABEL_TO_POSTURE: Readonly<Record<string, SittingPosture>> = {
  upright: 'upright',
  leaning_back: 'leaning_back',
  slouching: 'slouching',
  legs_folded: 'feet_not_flat',
};
const PREDICTIONS = ['upright', 'leaning_back', 'slouching', 'feet_not_flat', 'cannot_see'] as const;

function decodeJpeg(file: string): PixelFrame {
  const img = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: true });
  return { data: img.data, width: img.width, height: img.height };
}

async function sittingAccuracy(): Promise<void> {
  const sittingDir = path.join(dataDir, 'sitting');
  const labels = readdirSync(sittingDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const detector = await createPoseDetector();
  const confusion = new Map<string, Map<string, number>>();
  let correct = 0;
  let total = 0;
  const inferMs: number[] = [];
  console.log(
    `${'photo'.padEnd(48)} ${'truth'.padEnd(14)} ${'predicted'.padEnd(14)} trunk  head  thigh  shin (degrees)`,
  );
  for (const label of labels) {
    const truth = LABEL_TO_POSTURE[label];
    if (truth === undefined) throw new Error(`unknown label folder ${label}: map it in LABEL_TO_POSTURE`);
    const files = readdirSync(path.join(sittingDir, label))
      .filter((f) => f.endsWith('.jpg'))
      .sort();
    for (const file of files) {
      const frame = decodeJpeg(path.join(sittingDir, label, file));
      const t0 = performance.now();
      const pose = await detector.estimate(frame);
      inferMs.push(performance.now() - t0);
      const r = analyzeSitting(pose);
      const predicted = r.kind === 'judged' ? r.posture : 'cannot_see';
      const row = confusion.get(truth) ?? new Map<string, number>();
      row.set(predicted, (row.get(predicted) ?? 0) + 1);
      confusion.set(truth, row);
      total++;
      if (predicted === truth) correct++;
      const m = r.kind === 'judged' ? r.measures : undefined;
      const num = (x: number | undefined) => (x === undefined ? '   -' : x.toFixed(0).padStart(4));
      console.log(
        `${`${label}/${file}`.padEnd(48)} ${truth.padEnd(14)} ${predicted.padEnd(14)} ${num(m?.trunkDeg)}  ${num(m?.headDeg)}  ${num(m?.thighDeg)}  ${num(m?.shinBackDeg)}${predicted === truth ? '' : '   <-- miss'}`,
      );
    }
  }
  detector.dispose();

  console.log('\nconfusion (rows: truth, columns: predicted)');
  const truths = Object.values(LABEL_TO_POSTURE);
  console.log(''.padEnd(15) + PREDICTIONS.map((p) => p.padStart(14)).join(''));
  for (const t of truths) {
    const row = confusion.get(t);
    console.log(t.padEnd(15) + PREDICTIONS.map((p) => String(row?.get(p) ?? 0).padStart(14)).join(''));
  }
  console.log(
    `node_infer_ms_p50: ${percentile(inferMs, 50).toFixed(1)} (photos of ${total}, incl. resizing)`,
  );
  console.log(`sitting_accuracy: ${correct}/${total}`);
}

/** A 640x480 webcam-like frame: a sitting photo scaled to the frame's height, centred on grey. */
function makeBenchFrame(): Buffer {
  const src = decodeJpeg(path.join(dataDir, 'sitting', 'upright', 'nvinayvarma189_straight_hf.jpg'));
  const W = 640;
  const H = 480;
  const scale = H / src.height;
  const w = Math.round(src.width * scale);
  const x0 = Math.round((W - w) / 2);
  const out = Buffer.alloc(W * H * 4, 128);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      out[o + 3] = 255;
      if (x < x0 || x >= x0 + w) continue;
      // Box filter over the source pixels this output pixel covers.
      const sx0 = Math.floor((x - x0) / scale);
      const sx1 = Math.min(src.width, Math.max(sx0 + 1, Math.floor((x - x0 + 1) / scale)));
      const sy0 = Math.floor(y / scale);
      const sy1 = Math.min(src.height, Math.max(sy0 + 1, Math.floor((y + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = sy0; sy < sy1; sy++)
        for (let sx = sx0; sx < sx1; sx++) {
          const i = (sy * src.width + sx) * 4;
          r += src.data[i]!;
          g += src.data[i + 1]!;
          b += src.data[i + 2]!;
        }
      const n = (sx1 - sx0) * (sy1 - sy0);
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return jpeg.encode({ data: out, width: W, height: H }, 92).data;
}

/**
 * What the app's server must send for the threaded WASM build (see withWasmThreads in
 * packages/pose): cross-origin isolation (COOP + COEP), and a CSP as the app's
 * (packages/server/src/http/security.ts) plus `blob:` for tfjs's pthread workers, which it creates
 * from blob: URLs and which importScripts() a blob: URL. `POSE_BENCH_COI=0` serves the page without
 * isolation (single-threaded WASM, as before); `POSE_BENCH_CSP` replaces the CSP (to see which
 * directives the workers need: without `blob:` in either, the backend never finishes starting).
 */
const PAGE_HEADERS: Readonly<Record<string, string>> =
  process.env.POSE_BENCH_COI === '0'
    ? {}
    : {
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'content-security-policy':
          process.env.POSE_BENCH_CSP ??
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; " +
            "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'",
      };

async function startStaticServer(): Promise<{ server: Server; url: string }> {
  const require = createRequire(import.meta.url);
  const humanModels = path.join(path.dirname(require.resolve('@vladmandic/human')), '..', 'models');
  const wasmDir = path.join(
    path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist',
  );
  const bundle = await build({
    entryPoints: [path.join(here, 'pose-bench-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = bundle.outputFiles[0]?.contents;
  if (js === undefined) throw new Error('esbuild produced no output');
  const frame = makeBenchFrame();
  const files: Record<string, () => [string, Buffer | Uint8Array]> = {
    '/': () => [
      'text/html',
      Buffer.from('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'),
    ],
    '/bench.js': () => ['text/javascript', js],
    '/frame.jpg': () => ['image/jpeg', frame],
    '/models/movenet-lightning.json': () => [
      'application/json',
      readFileSync(path.join(humanModels, 'movenet-lightning.json')),
    ],
    '/models/movenet-lightning.bin': () => [
      'application/octet-stream',
      readFileSync(path.join(humanModels, 'movenet-lightning.bin')),
    ],
  };
  for (const f of readdirSync(wasmDir).filter((n) => n.endsWith('.wasm'))) {
    files[`/wasm/${f}`] = () => ['application/wasm', readFileSync(path.join(wasmDir, f))];
  }
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0] ?? '/'];
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    const [type, body] = file();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...PAGE_HEADERS }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function browserTiming(): Promise<void> {
  const { server, url } = await startStaticServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error('page console error:', m.text());
    });
    // Loopback only: anything else the page asks for is refused (and would show as a failure).
    await page.route('**/*', (route) =>
      route.request().url().startsWith(url) ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(url);
    await page.waitForFunction(() => window.__poseBench !== undefined, undefined, { timeout: 120_000 });
    const r = (await page.evaluate(() => window.__poseBench)) as PoseBenchResult | { error: string };
    if ('error' in r && !('frameMs' in r)) throw new Error(`browser bench failed: ${r.error}`);
    const res = r;
    console.log(
      `\nchromium ${browser.version()}, backend ${res.backend} (simd ${res.simd}, threads ${res.threads}), ` +
        `crossOriginIsolated ${res.crossOriginIsolated}, XNNPACK threads ${res.threadsCount} ` +
        `(hardwareConcurrency ${res.hardwareConcurrency}), ${res.frameMs.length} frames of 640x480 after ${res.warmupFrames} warm-up, posture seen: ${res.posture}`,
    );
    console.log(`pose_frame_ms_p50: ${percentile(res.frameMs, 50).toFixed(1)}`);
    console.log(`pose_frame_ms_p95: ${percentile(res.frameMs, 95).toFixed(1)}`);
    console.log(`analysis_ms_p50: ${percentile(res.analysisMs, 50).toFixed(4)}`);
  } finally {
    await browser.close();
    server.close();
  }
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

// `--only=node` or `--only=browser` runs one half (handy while tuning).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `pose bench: ${new Date().toISOString()}, ${os.availableParallelism()} CPUs (${cpu}), node ${process.version}`,
);
// Other work on the machine inflates the timings: say how busy it was.
console.log(
  `load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`data: ${dataDir}\n`);
if (only !== 'browser') await sittingAccuracy();
if (only !== 'node') await browserTiming();
