import type { io } from '@tensorflow/tfjs-core';

export interface PlatformOptions {
  /**
   * Where the MoveNet model json lies (its .bin beside it). Browser: a URL, default
   * `/models/movenet-lightning.json` on our own server. Node: a file path or file: URL, default
   * the copy shipped in the npm package @vladmandic/human.
   */
  readonly modelUrl?: string;
  /**
   * Where the tfjs-backend-wasm .wasm binaries lie (a prefix ending in `/`). Browser: default
   * `/wasm/` on our own server. Node: default the package's own dist folder, found by the backend.
   */
  readonly wasmPath?: string;
  /**
   * XNNPACK's thread count in a cross-origin-isolated page (the threaded WASM build); default
   * wasmThreadsFor(navigator.hardwareConcurrency). Read only when the backend first starts.
   */
  readonly wasmThreads?: number;
}

/**
 * What differs between Node and the browser, chosen by the `node` / `browser` conditions of this
 * package's `./model-loader` export (never by a runtime check): how the WASM binaries and the
 * model files are found.
 */
export interface PosePlatform {
  /** Makes the WASM backend the current tfjs backend; safe to call more than once. */
  initBackend(options: PlatformOptions): Promise<void>;
  /** The MoveNet model.json and its weights, not yet made into a model. */
  loadMoveNet(options: PlatformOptions): Promise<io.ModelArtifacts>;
}
