/**
 * `node --import tsx bench/pose-bench-model.ts [--variants=per-call,arena] [--runs=150] [--fps=30]
 * [--threads=N] [--profile]`: MoveNet's graph alone (no frame drawing, no decoding) in a
 * dedicated Worker in headless Chromium, cross-origin isolated as the app (2 XNNPACK threads on
 * 2 CPUs), the variants alternating run by run. For A/B comparisons of the model's own time on
 * a shared machine; `npm run bench:pose` remains the figure against the targets.
 * `--node`: the same alternation in this process (Node, WASM, one thread), no browser.
 * Variants: `whole` (the graph's four heads on the whole grid), `cells` (the regression and
 * offsets heads on the cells the decoding reads), `+arena` (intermediate results in one WASM
 * arena); the app runs `cells+arena`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, humanModelsDir, launchBenchChromium, tfjsWasmDir } from './browser-assets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (k: string) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3);
const request = {
  variants: (arg('variants') ?? 'whole,cells').split(','),
  runs: Number(arg('runs') ?? 150),
  fps: Number(arg('fps') ?? 30),
  threads: arg('threads') === undefined ? undefined : Number(arg('threads')),
  profile: process.argv.includes('--profile'),
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const report = (times: Record<string, number[]>) => {
  const base = times[request.variants[0]!]!;
  for (const [v, xs] of Object.entries(times)) {
    const ratio = (p: number) => (pct(xs, p) / pct(base, p)).toFixed(3);
    console.log(
      `${v.padEnd(12)} min ${Math.min(...xs).toFixed(2)} p10 ${pct(xs, 10).toFixed(2)} p25 ${pct(xs, 25).toFixed(2)} ` +
        `p50 ${pct(xs, 50).toFixed(2)} p95 ${pct(xs, 95).toFixed(2)} ms` +
        `  (/ ${request.variants[0]}: min ${(Math.min(...xs) / Math.min(...base)).toFixed(3)} p10 ${ratio(10)} p25 ${ratio(25)} p50 ${ratio(50)} p95 ${ratio(95)})`,
    );
  }
};
const loads = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

if (process.argv.includes('--node')) {
  const { platform } = await import('@hipwise/pose/model-loader');
  const { MoveNetGraph } = await import('../packages/pose/src/movenet/graph.js');
  const { decodeSittingPhoto } = await import('@hipwise/pose/testing');
  const { letterbox, letterboxPixels } = await import('../packages/pose/src/movenet/letterbox.js');
  const { channelsOf } = await import('../packages/pose/src/frame.js');
  await platform.initBackend({});
  const artifacts = await platform.loadMoveNet({});
  const graphs = request.variants.map(
    (v) => new MoveNetGraph(artifacts, { wholeHeads: v.startsWith('whole'), arena: v.includes('+arena') }),
  );
  const photo = decodeSittingPhoto('upright/nvinayvarma189_straight_hf.jpg');
  const pixels = letterboxPixels(photo.data, channelsOf(photo), letterbox(photo.width, photo.height, 192));
  const input = Float32Array.from(pixels, (p, i) => graphs[0]!.inputScale[p * 3 + (i % 3)]!);
  const times: Record<string, number[]> = Object.fromEntries(request.variants.map((v) => [v, []]));
  console.log(`model bench (node) ${new Date().toISOString()}, load ${loads()}, ${JSON.stringify(request)}`);
  for (let r = 0; r < request.runs; r++) {
    const order = r % 2 === 0 ? [...graphs.keys()] : [...graphs.keys()].reverse();
    for (const i of order) {
      const t0 = performance.now();
      graphs[i]!.run(input);
      times[request.variants[i]!]!.push(performance.now() - t0);
    }
  }
  report(times);
  console.log(`load at end ${loads()}`);
  process.exit(0);
}

const humanModels = humanModelsDir;
const wasmDir = tfjsWasmDir;
const workerJs = await bundleForBrowser(path.join(here, 'pose-bench-model-worker.ts'));
const frame = readFileSync(
  path.join(here, '..', 'packages/pose/fixtures/sitting/upright/nvinayvarma189_straight_hf.jpg'),
);
const files: Record<string, [string, Buffer | Uint8Array]> = {
  '/': [
    'text/html',
    Buffer.from(
      `<!doctype html><meta charset="utf-8"><script type="module">
window.__result = new Promise((resolve) => {
  const w = new Worker('/worker.js', { type: 'module' });
  w.onmessage = (e) => resolve(e.data);
  w.onerror = (e) => resolve({ error: e.message });
  w.postMessage(${JSON.stringify(request)});
});</script>`,
    ),
  ],
  '/worker.js': ['text/javascript', workerJs],
  '/frame.jpg': ['image/jpeg', frame],
  '/models/movenet-lightning.json': [
    'application/json',
    readFileSync(path.join(humanModels, 'movenet-lightning.json')),
  ],
  '/models/movenet-lightning.bin': [
    'application/octet-stream',
    readFileSync(path.join(humanModels, 'movenet-lightning.bin')),
  ],
};
for (const f of readdirSync(wasmDir).filter((n) => n.endsWith('.wasm'))) {
  files[`/wasm/${f}`] = ['application/wasm', readFileSync(path.join(wasmDir, f))];
}
const server = createServer((req, res) => {
  const file = files[(req.url ?? '/').split('?')[0]!];
  if (file === undefined) return void res.writeHead(404).end();
  res
    .writeHead(200, {
      'content-type': file[0],
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    .end(file[1]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await launchBenchChromium(
  process.env.MODEL_BENCH_JS_FLAGS ? [`--js-flags=${process.env.MODEL_BENCH_JS_FLAGS}`] : [],
);
try {
  console.log(
    `model bench ${new Date().toISOString()}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${JSON.stringify(request)}`,
  );
  const page = await browser.newPage();
  page.on('console', (m) => console.log('page:', m.text()));
  await page.goto(url);
  const r = (await page.evaluate(() => (window as unknown as { __result: Promise<unknown> }).__result)) as {
    error?: string;
    times: Record<string, number[]>;
    profile?: Record<string, Record<string, number>>;
    steps?: Record<string, { kernel: string; ms: number }[]>;
    crossOriginIsolated: boolean;
  };
  if (r.error !== undefined) throw new Error(r.error);
  report(r.times);
  if (r.profile !== undefined) {
    for (const [v, by] of Object.entries(r.profile)) {
      console.log(
        `profile ${v} (medians of 30, ms): ${Object.entries(by)
          .map(([k, ms]) => `${k} ${ms.toFixed(2)}`)
          .join(', ')}`,
      );
    }
  }
  if (r.steps !== undefined && process.env.MODEL_BENCH_STEPS === '1') {
    for (const [v, st] of Object.entries(r.steps)) {
      console.log(
        `steps ${v}: ${st.map((x, i) => `${i}:${x.kernel.replace('Fused', 'F').replace('DepthwiseConv2dNative', 'DW').replace('Conv2D', 'C')} ${x.ms.toFixed(2)}`).join(' ')}`,
      );
    }
  }
  console.log(
    `load at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  server.close();
}
