/**
 * `npm run bench:pose`: the pose pipeline on real photos and its speed in the browser.
 *
 * 1. Node: every photo of packages/pose/fixtures/sitting/<label>/ is decoded,
 *    run through MoveNet Lightning on the WASM backend and the sitting-posture analysis, and
 *    compared with its folder's label: a confusion table and `sitting_accuracy: K/N`.
 * 2. Headless Chromium (Debian's /usr/bin/chromium via playwright-core), loopback only: a page
 *    bundled by esbuild runs 200 frames of a 640x480 image after warm-up and we print
 *    `pose_frame_ms_p50`, `pose_frame_ms_p95` (inference + smoothing + analysis) and
 *    `analysis_ms_p50` (analysis alone). As the app does, the model runs in a dedicated Worker
 *    and frames arrive at 30 fps (a frame's time runs from its start to its analysis being done;
 *    the wait for the next frame is not in it). `--page=worker=0&fps=0` runs the model on the
 *    page's main thread with frames back to back (the method before 2026-11-27 09:00);
 *    `threads=N` sets the WASM thread count. `other_processes_cpu_cores` says how much CPU other
 *    processes took meanwhile (Linux): with two WASM threads on two cores, anything else running
 *    stalls them, and the figures mean little above ~0.2.
 *    `POSE_BENCH_DUMP=1` also prints every frame's time.
 *
 * Label -> class: SITTING_LABEL_POSTURE of `@hipwise/pose/testing`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { createPoseDetector } from '@hipwise/pose';
import { analyzeSitting } from '@hipwise/core';
import {
  decodeSittingPhoto,
  SITTING_LABEL_POSTURE,
  SITTING_PHOTOS_DIR,
  sittingPhotos,
} from '@hipwise/pose/testing';
import { bundleForBrowser, humanModelsDir, launchBenchChromium, tfjsWasmDir } from './browser-assets.js';
import type { BenchPhoto, PoseBenchResult, ScaleBenchResult } from './pose-bench-page.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const PREDICTIONS = ['upright', 'leaning_back', 'slouching', 'feet_not_flat', 'cannot_see'] as const;

async function sittingAccuracy(): Promise<void> {
  const detector = await createPoseDetector();
  const confusion = new Map<string, Map<string, number>>();
  let correct = 0;
  let total = 0;
  const inferMs: number[] = [];
  console.log(
    `${'photo'.padEnd(48)} ${'truth'.padEnd(14)} ${'predicted'.padEnd(14)} trunk  head  thigh  shin (degrees)`,
  );
  for (const { rel, expected: truth } of sittingPhotos()) {
    const frame = decodeSittingPhoto(rel);
    // Each photo on its own, read whole: not the next frame of the last one.
    detector.reset();
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
      `${rel.padEnd(48)} ${truth.padEnd(14)} ${predicted.padEnd(14)} ${num(m?.trunkDeg)}  ${num(m?.headDeg)}  ${num(m?.thighDeg)}  ${num(m?.shinBackDeg)}${predicted === truth ? '' : '   <-- miss'}`,
    );
  }
  detector.dispose();

  console.log('\nconfusion (rows: truth, columns: predicted)');
  const truths = [...new Set(Object.values(SITTING_LABEL_POSTURE))];
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
  const src = decodeSittingPhoto('upright/nvinayvarma189_straight_hf.jpg');
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
  const humanModels = humanModelsDir;
  const wasmDir = tfjsWasmDir;
  const bundle = bundleForBrowser;
  const js = await bundle(path.join(here, 'pose-bench-page.ts'));
  // The app's pose worker entry (`worker=1` on the page runs the model in it).
  const workerJs = await bundle(require.resolve('@hipwise/pose/worker'));
  const frame = makeBenchFrame();
  const files: Record<string, () => [string, Buffer | Uint8Array]> = {
    '/': () => [
      'text/html',
      Buffer.from('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'),
    ],
    '/bench.js': () => ['text/javascript', js],
    '/pose-worker.js': () => ['text/javascript', workerJs],
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
  const photos: BenchPhoto[] = sittingPhotos().map(({ rel, expected }) => ({ rel, expected }));
  files['/photos.json'] = () => ['application/json', Buffer.from(JSON.stringify(photos))];
  for (const { rel } of photos) {
    files[`/photos/${rel}`] = () => ['image/jpeg', readFileSync(path.join(SITTING_PHOTOS_DIR, rel))];
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

/** Total busy CPU time (jiffies) of the machine and of each process in this bench's tree. */
interface CpuSnapshot {
  readonly busy: number;
  readonly tree: ReadonlyMap<number, number>;
  readonly atMs: number;
}

/**
 * Linux only (/proc): one snapshot, cheap enough to take just before and after the timed frames
 * without sampling in between (a sampler would itself compete with them).
 */
function cpuSnapshot(): CpuSnapshot | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  // cpu  user nice system idle iowait irq softirq steal ...
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const busy = f[1]! + f[2]! + f[3]! + f[6]! + f[7]! + f[8]!;
  const procs = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After "pid (comm) ": state ppid ... utime (14th field) stime (15th).
      const r = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(r[1]), cpu: Number(r[11]) + Number(r[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Map<number, number>([[process.pid, procs.get(process.pid)?.cpu ?? 0]]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!tree.has(pid) && tree.has(p.ppid)) {
        tree.set(pid, p.cpu);
        grew = true;
      }
    }
  }
  return { busy, tree, atMs: performance.now() };
}

/**
 * CPU (in cores, averaged over the interval) used by everything outside this bench's own
 * processes (Node, Chromium and its helpers): other people's work on a shared machine.
 * Jiffies are 1/100 s on Linux.
 */
function otherCores(a: CpuSnapshot, b: CpuSnapshot): number {
  let ours = 0;
  for (const [pid, cpu] of b.tree) ours += cpu - (a.tree.get(pid) ?? 0);
  return (b.busy - a.busy - ours) / 100 / ((b.atMs - a.atMs) / 1000);
}

/** The scales of a 640x480 frame's height the photos are shown at (`--scales=` to change). */
const SCALES = (
  process.argv.find((a) => a.startsWith('--scales='))?.slice('--scales='.length) ?? '1,0.7,0.5,0.35'
)
  .split(',')
  .map(Number);

async function inChromium(
  run: (openPage: (query: string, timeoutMs: number) => Promise<unknown>, version: string) => Promise<void>,
): Promise<void> {
  const { server, url } = await startStaticServer();
  const browser = await launchBenchChromium();
  try {
    const openPage = async (query: string, timeoutMs: number) => {
      const page = await browser.newPage();
      try {
        page.on('pageerror', (e) => console.error('page error:', e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') console.error('page console error:', m.text());
        });
        // Loopback only: anything else the page asks for is refused (and would show as a failure).
        await page.route('**/*', (route) =>
          route.request().url().startsWith(url) ? route.continue() : route.abort('blockedbyclient'),
        );
        await page.goto(query === '' ? url : `${url}?${query}`);
        // The page module has run once the load event fired: await its promise (no polling).
        let timer: NodeJS.Timeout | undefined;
        return await Promise.race([
          page.evaluate(() => window.__poseBench ?? { error: 'the bench page did not start' }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`browser bench: no result within ${timeoutMs / 1000} s`)),
              timeoutMs,
            );
          }),
        ]).finally(() => clearTimeout(timer));
      } finally {
        await page.close();
      }
    };
    await run(openPage, browser.version());
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * The 13 photos at each of SCALES, at four places across the frame, each a still fed 10 times
 * through the app's path (the worker detector with crop tracking, smoothing, the sitting
 * analysis), and the same read whole as before crop tracking, for comparison.
 */
async function browserScaleAccuracy(
  openPage: (query: string, timeoutMs: number) => Promise<unknown>,
): Promise<void> {
  const r = (await openPage(`scales=${SCALES.join(',')}`, 1_800_000)) as ScaleBenchResult | { error: string };
  if (!('rows' in r)) throw new Error(`browser scale bench failed: ${r.error}`);
  console.log(
    `\nsitting photos in a 640x480 frame (chromium, model in the worker as the app runs it), ${r.frames} frames each, classified on the last:`,
  );
  console.log(
    `${'scale'.padEnd(7)}${'crop tracking'.padStart(15)}${'whole frame'.padStart(13)}  frame p50/p95 ms (tracking)`,
  );
  for (const scale of SCALES) {
    const on = r.rows.find((x) => x.scale === scale && x.tracking);
    const off = r.rows.find((x) => x.scale === scale && !x.tracking);
    if (on === undefined || off === undefined) throw new Error(`no result for scale ${scale}`);
    console.log(
      `${String(scale).padEnd(7)}${`${on.correct}/${on.total}`.padStart(15)}${`${off.correct}/${off.total}`.padStart(13)}  ${percentile(on.frameMs, 50).toFixed(1)}/${percentile(on.frameMs, 95).toFixed(1)}`,
    );
    if (on.misses.length > 0) console.log(`  missed with tracking: ${on.misses.join('; ')}`);
  }
  for (const scale of SCALES) {
    const off = r.rows.find((x) => x.scale === scale && !x.tracking)!;
    console.log(`sitting_accuracy_scale_${scale}_whole_frame: ${off.correct}/${off.total}`);
  }
  for (const scale of SCALES) {
    const on = r.rows.find((x) => x.scale === scale && x.tracking)!;
    console.log(`sitting_accuracy_scale_${scale}: ${on.correct}/${on.total}`);
  }
}

async function browserTiming(
  openPage: (query: string, timeoutMs: number) => Promise<unknown>,
  version: string,
): Promise<void> {
  const pageArgs = process.argv.find((a) => a.startsWith('--page='))?.slice('--page='.length) ?? '';
  const before = cpuSnapshot();
  const r = (await openPage(pageArgs, 120_000)) as PoseBenchResult | { error: string };
  const after = cpuSnapshot();
  if ('error' in r && !('frameMs' in r)) throw new Error(`browser bench failed: ${r.error}`);
  const res = r;
  console.log(
    `\nchromium ${version}, backend ${res.backend} (simd ${res.simd}, threads ${res.threads}), ` +
      `crossOriginIsolated ${res.crossOriginIsolated}, XNNPACK threads ${res.threadsCount}, ` +
      `model in ${res.worker ? 'a dedicated Worker' : 'the main thread'} ` +
      `(hardwareConcurrency ${res.hardwareConcurrency}), ${res.frameMs.length} frames of 640x480 ` +
      `${res.fps > 0 ? `arriving at ${res.fps} fps` : 'back to back'} after ${res.warmupFrames} warm-up, posture seen: ${res.posture}`,
  );
  console.log(`pose_frame_ms_p50: ${percentile(res.frameMs, 50).toFixed(1)}`);
  console.log(`pose_frame_ms_p95: ${percentile(res.frameMs, 95).toFixed(1)}`);
  console.log(`analysis_ms_p50: ${percentile(res.analysisMs, 50).toFixed(4)}`);
  if (before !== undefined && after !== undefined) {
    // Two WASM threads on two cores stall whenever anything else runs (bench/RESULTS.md).
    console.log(`other_processes_cpu_cores: ${otherCores(before, after).toFixed(2)}`);
  }
  if (res.parts !== undefined) {
    const split = Object.entries(res.parts)
      .map(([k, v]) => `${k} ${percentile(v, 50).toFixed(1)}/${percentile(v, 95).toFixed(1)}`)
      .join(', ');
    console.log(`frame parts p50/p95 ms: ${split}`);
  }
  if (process.env.POSE_BENCH_DUMP === '1')
    console.log(`frames: ${res.frameMs.map((m) => m.toFixed(1)).join(' ')}`);
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

// `--only=node`, `--only=scales` or `--only=browser` (frame times) runs one part (handy while tuning).
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
console.log(`data: ${SITTING_PHOTOS_DIR}\n`);
if (only === undefined || only === 'node') await sittingAccuracy();
// Each browser part gets a browser of its own, so the timed frames start from the same state
// whether or not the scale runs came first.
if (only === undefined || only === 'scales') await inChromium((openPage) => browserScaleAccuracy(openPage));
if (only === undefined || only === 'browser') await inChromium(browserTiming);
