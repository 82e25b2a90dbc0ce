/** One harness (server + Chromium) for the whole test file, started and closed by its hooks. */
import { after, before } from 'node:test';
import { startHarness, type Harness, type HarnessOptions } from './harness.js';

export interface FileHarnessSetup {
  /** Called before the harness starts, e.g. to write a fake camera's video. */
  readonly options?: () => HarnessOptions;
  /** Called after the harness has closed. */
  readonly cleanup?: () => void;
}

/**
 * Registers `before`/`after` hooks in the current test scope that start and close one harness,
 * and returns a getter for it (the harness exists only once the hooks have run).
 */
export function fileHarness(setup: FileHarnessSetup = {}): () => Harness {
  let h: Harness | undefined;
  before(async () => {
    h = await startHarness(setup.options?.());
  });
  after(async () => {
    await h?.close();
    setup.cleanup?.();
  });
  return () => {
    if (h === undefined) throw new Error('harness not started');
    return h;
  };
}
