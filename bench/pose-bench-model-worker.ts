/**
 * The worker half of bench/pose-bench-model.ts: MoveNet's graph alone, in a dedicated Worker as
 * the app runs it, with variants alternating run by run in the same worker (same thread pool,
 * same minutes), so that what other processes do to the machine falls on each alike.
 */
import { platform } from '@hipwise/pose/model-loader';
import { MoveNetGraph } from '../packages/pose/src/movenet/graph.js';

interface Request {
  readonly variants: readonly string[];
  readonly runs: number;
  readonly fps: number;
  readonly threads?: number;
  readonly profile: boolean;
}

/** `whole` (the graph's four heads on the whole grid), `cells` (regression and offsets on the cells read), `+arena`. */
const variantOptions = (v: string) => ({ wholeHeads: v.startsWith('whole'), arena: v.includes('+arena') });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function main(req: Request) {
  await platform.initBackend({ wasmPath: '/wasm/', wasmThreads: req.threads });
  const artifacts = await platform.loadMoveNet({ modelUrl: '/models/movenet-lightning.json' });
  const graphs = new Map(
    req.variants.map((v) => [v, new MoveNetGraph(artifacts, variantOptions(v))] as const),
  );
  // A real picture (the bench frame, stretched to the input): the kernels' time does not depend
  // on it, but zeros could take paths a picture never does.
  const bitmap = await createImageBitmap(await (await fetch('/frame.jpg')).blob());
  const ctx = new OffscreenCanvas(192, 192).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, 192, 192);
  const rgba = ctx.getImageData(0, 0, 192, 192).data;
  const any = graphs.values().next().value!;
  const input = new Float32Array(192 * 192 * 3);
  for (let i = 0, o = 0; o < input.length; i += 4, o += 3) {
    for (let c = 0; c < 3; c++) input[o + c] = any.inputScale[rgba[i + c]! * 3 + c]!;
  }
  const reference = any.run(input);
  for (const [v, g] of graphs) {
    const out = g.run(input);
    if (!out.every((x, i) => x === reference[i])) throw new Error(`${v}: other keypoints`);
    for (let i = 0; i < 5; i++) g.run(input);
  }
  const times: Record<string, number[]> = Object.fromEntries(req.variants.map((v) => [v, []]));
  const period = req.fps > 0 ? 1000 / req.fps : 0;
  for (let r = 0; r < req.runs; r++) {
    // Alternate the order too.
    const order = r % 2 === 0 ? req.variants : [...req.variants].reverse();
    for (const v of order) {
      if (period > 0) await sleep(period);
      const t0 = performance.now();
      graphs.get(v)!.run(input);
      times[v]!.push(performance.now() - t0);
    }
  }
  let profile: Record<string, Record<string, number>> | undefined;
  let steps: Record<string, { kernel: string; ms: number }[]> | undefined;
  if (req.profile) {
    profile = {};
    steps = {};
    for (const [v, g] of graphs) {
      const sums: Record<string, number[]> = {};
      const per: number[][] = [];
      let names: string[] = [];
      for (let r = 0; r < 30; r++) {
        if (period > 0) await sleep(period);
        const t0 = performance.now();
        const p = g.profile(input);
        const total = performance.now() - t0;
        names = p.kernels;
        p.stepMs.forEach((ms, i) => (per[i] ??= []).push(ms));
        const by: Record<string, number> = { total, kernels: 0 };
        p.kernels.forEach((k, i) => {
          by[k] = (by[k] ?? 0) + p.stepMs[i]!;
          by.kernels! += p.stepMs[i]!;
        });
        for (const [k, ms] of Object.entries(by)) (sums[k] ??= []).push(ms);
      }
      steps[v] = per.map((xs, i) => ({
        kernel: names[i]!,
        ms: [...xs].sort((a, b) => a - b)[xs.length >> 1]!,
      }));
      profile[v] = Object.fromEntries(
        Object.entries(sums).map(([k, xs]) => [k, [...xs].sort((a, b) => a - b)[xs.length >> 1]!]),
      );
    }
  }
  return { times, profile, steps, crossOriginIsolated };
}

self.onmessage = (e: MessageEvent<Request>) => {
  main(e.data).then(
    (r) => self.postMessage(r),
    (err: unknown) =>
      self.postMessage({ error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) }),
  );
};
