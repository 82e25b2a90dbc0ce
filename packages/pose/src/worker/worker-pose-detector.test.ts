import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPoseDetector } from '../create-pose-detector.js';
import type { PixelFrame } from '../frame.js';
import { sceneFrame } from '../testing/scene.js';
import { decodeSittingPhoto } from '../testing/sitting-photos.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { hostPoseDetector, type WorkerScope } from './worker-host.js';
import { createWorkerPoseDetector } from './worker-pose-detector.js';

/**
 * The page's Worker and the worker's global scope, joined in this process: each message is
 * structured-cloned with its transfer list and delivered on a later turn, as between threads.
 */
function inProcessWorker(hostOptions: Parameters<typeof hostPoseDetector>[1] = {}) {
  const scope: WorkerScope & { terminated: boolean } = {
    onmessage: null,
    terminated: false,
    postMessage(message: FromWorker) {
      if (scope.terminated) return;
      const copy = structuredClone(message);
      setImmediate(() => worker.onmessage?.({ data: copy } as MessageEvent<FromWorker>));
    },
  };
  const worker = {
    onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(message: ToWorker, transfer: Transferable[] = []) {
      if (scope.terminated) return;
      const copy = structuredClone(message, { transfer });
      setImmediate(() => scope.onmessage?.({ data: copy } as MessageEvent<ToWorker>));
    },
    terminate() {
      scope.terminated = true;
    },
  };
  hostPoseDetector(scope, hostOptions);
  return { worker: worker as unknown as Worker, scope };
}

test(
  'the worker detector finds the same keypoints as the detector on the page, and moves the frame',
  { timeout: 60_000 },
  async () => {
    const frame = decodeSittingPhoto('upright/nvinayvarma189_straight_hf.jpg');
    const img = { width: frame.width, height: frame.height };
    const local = await createPoseDetector();
    const { worker, scope } = inProcessWorker();
    const remote = await createWorkerPoseDetector(worker);
    try {
      assert.equal(remote.info.backend, 'wasm');
      assert.ok(remote.info.threadsCount >= 1);
      const expected = await local.estimate(frame);
      const got = await remote.estimate(frame);
      assert.deepEqual(got, expected);
      assert.equal(frame.data.length, img.width * img.height * 4, "the caller's frame is still whole");
      // The second frame is read from the crop around the person, on both sides alike.
      assert.deepEqual(await remote.estimate(frame), await local.estimate(frame));
      // Answers find their own request when several are in flight. reset() reaches the worker
      // before the next frame, so that one is read whole again, as the first was; the other, of
      // another size, is read whole whatever the crop.
      const small = sceneFrame(frame, 0.7, 0.2);
      local.reset();
      const expectedSmall = await local.estimate(small);
      remote.reset();
      const [a, b] = await Promise.all([remote.estimate(frame), remote.estimate(small)]);
      assert.deepEqual([a, b], [expected, expectedSmall]);
    } finally {
      remote.dispose();
      local.dispose();
    }
    assert.equal(scope.terminated, true, 'dispose ends the worker');
    await assert.rejects(remote.estimate(frame), /disposed/);
  },
);

test('a worker that cannot run the model rejects the detector and is ended', async () => {
  // As in a browser without OffscreenCanvas in workers (Node has none either).
  const { worker, scope } = inProcessWorker({ requireOffscreenCanvas: true });
  await assert.rejects(createWorkerPoseDetector(worker), /no OffscreenCanvas/);
  assert.equal(scope.terminated, true);
});

test('once the worker has died, frames fail at once instead of waiting for an answer', async () => {
  const { worker } = inProcessWorker();
  const detector = await createWorkerPoseDetector(worker);
  try {
    // What a browser fires when the worker's script throws outside a message (Node has no ErrorEvent).
    const crash = { message: 'out of memory', preventDefault() {} } as unknown as ErrorEvent;
    worker.onerror?.call(worker, crash);
    const frame: PixelFrame = { data: new Uint8Array(4 * 4 * 4), width: 4, height: 4 };
    await assert.rejects(detector.estimate(frame), /the pose worker failed: out of memory/);
  } finally {
    detector.dispose();
  }
});

test('an estimate before init is answered with an error, not left hanging', async () => {
  const replies: FromWorker[] = [];
  const scope: WorkerScope = { onmessage: null, postMessage: (m) => replies.push(m) };
  hostPoseDetector(scope);
  const frame = { kind: 'pixels', data: new Uint8Array(4), width: 1, height: 1 } as const;
  scope.onmessage?.({ data: { type: 'estimate', id: 7, frame } } as MessageEvent<ToWorker>);
  assert.deepEqual(replies, [{ type: 'error', id: 7, message: 'estimate before init' }]);
});
