import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/**
 * How many threads XNNPACK should use for `logicalCpus` (navigator.hardwareConcurrency): half the
 * logical CPUs (tfjs's own choice, which assumes two hyperthreads a core) but at least 2 when
 * there are 2 or more, and at most 4. tfjs alone gives 1 thread on a 2- or 3-CPU machine, i.e. no
 * parallelism on exactly the low-end laptops that need it (MoveNet p50 25 -> 18 ms on 2 CPUs).
 */
export function wasmThreadsFor(logicalCpus: number): number {
  if (!(logicalCpus >= 2)) return 1;
  return Math.min(4, Math.max(2, Math.floor(logicalCpus / 2)));
}

/**
 * Runs `start` (which must first start the tfjs WASM backend) with XNNPACK's thread pool sized by
 * wasmThreadsFor. Only matters in a cross-origin-isolated page, the only place tfjs picks its
 * threaded build (SharedArrayBuffer); elsewhere it just runs `start`.
 *
 * tfjs-backend-wasm 4.x caps the pool at navigator.hardwareConcurrency / 2 inside the .wasm (read
 * once, while the module starts), whatever setThreadsCount asks. So while the backend starts we
 * report twice the wanted thread count as the page's hardwareConcurrency (an own property on the
 * navigator object, shadowing the prototype's getter), and remove it again afterwards.
 */
export async function withWasmThreads<T>(start: () => Promise<T>, wanted?: number): Promise<T> {
  const nav = typeof navigator === 'object' ? navigator : undefined;
  if (nav === undefined || globalThis.crossOriginIsolated !== true) return start();
  const threads = wanted ?? wasmThreadsFor(nav.hardwareConcurrency);
  setThreadsCount(threads);
  if (Object.prototype.hasOwnProperty.call(nav, 'hardwareConcurrency')) return start();
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => threads * 2 });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
