/**
 * The pose worker's entry module: bundle it as a dedicated Worker (the web app:
 * `new Worker(new URL(..., import.meta.url), { type: 'module' })`) and talk to it with
 * createWorkerPoseDetector. Importing this anywhere else takes over that context's onmessage.
 */
import { hostPoseDetector } from './worker-host.js';

hostPoseDetector(self, { requireOffscreenCanvas: true });
