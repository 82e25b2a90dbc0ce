import { platform } from '@hipwise/pose/model-loader';
import type { PoseDetector, PoseDetectorOptions } from './pose-detector.js';
import { wasmRuntimeInfo } from './model-loader/wasm-backend.js';
import { MoveNetGraph } from './movenet/graph.js';
import { MoveNetDetector } from './movenet/movenet-detector.js';

/**
 * Starts the WASM backend, loads the model (from disk in Node, from our server in the browser)
 * and runs one warm-up inference.
 */
export async function createPoseDetector(options: PoseDetectorOptions = {}): Promise<PoseDetector> {
  const model = options.model ?? 'movenet-lightning';
  switch (model) {
    case 'movenet-lightning': {
      await platform.initBackend(options);
      const graph = new MoveNetGraph(await platform.loadMoveNet(options));
      const detector = new MoveNetDetector(graph, await wasmRuntimeInfo(), options.cropTracking ?? true);
      detector.warmUp();
      return detector;
    }
  }
}
