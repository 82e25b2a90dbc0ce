import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModelSync } from '@tensorflow/tfjs-converter';
import { platform } from '@hipwise/pose/model-loader';
import { channelsOf } from '../frame.js';
import { sceneFrame } from '../testing/scene.js';
import { decodeSittingPhoto, sittingPhotos } from '../testing/sitting-photos.js';
import { MOVENET_INPUT_SIZE } from './constants.js';
import { MoveNetGraph } from './graph.js';
import { letterbox, letterboxPixels } from './letterbox.js';

const SHAPE: [number, number, number, number] = [1, MOVENET_INPUT_SIZE, MOVENET_INPUT_SIZE, 3];

test(
  'MoveNetGraph gives the whole graph’s keypoints on every sitting photo, close up and small in a frame',
  { timeout: 120_000 },
  async () => {
    await platform.initBackend({});
    const artifacts = await platform.loadMoveNet({});
    const model = loadGraphModelSync(artifacts);
    const graph = new MoveNetGraph(artifacts);
    const backend = tf.backend();
    try {
      const frames = sittingPhotos().flatMap(({ rel }) => {
        const photo = decodeSittingPhoto(rel);
        return [
          { name: rel, frame: photo },
          { name: `${rel} at 0.35, left edge`, frame: sceneFrame(photo, 0.35, 'left-edge') },
        ];
      });
      assert.equal(frames.length, 26);
      const noses = new Set<number>();
      for (const { name, frame } of frames) {
        const pixels = letterboxPixels(
          frame.data,
          channelsOf(frame),
          letterbox(frame.width, frame.height, 192),
        );
        // The unmodified graph, int32 RGB in, its own post-processing out.
        const whole = tf.tidy(() => model.execute(tf.tensor4d(pixels, SHAPE, 'int32')) as tf.Tensor);
        const expected = whole.dataSync();
        whole.dispose();

        const input = new Float32Array(pixels.length);
        for (let i = 0; i < pixels.length; i++) input[i] = graph.inputScale[pixels[i]! * 3 + (i % 3)]!;
        const dataIds = backend.numDataIds();
        const actual = graph.run(input);
        assert.equal(backend.numDataIds(), dataIds, `${name}: every intermediate result freed`);

        assert.equal(actual.length, expected.length, name);
        noses.add(expected[1]!);
        for (let i = 0; i < actual.length; i++) {
          assert.ok(
            Math.abs(actual[i]! - expected[i]!) <= 1e-6,
            `${name}: value ${i} is ${actual[i]}, the whole graph says ${expected[i]}`,
          );
        }
      }
      // Not a vacuous comparison: the people are found in different places.
      assert.ok(noses.size >= 20, `${noses.size} different nose positions in 26 frames`);
    } finally {
      graph.dispose();
      model.dispose();
    }
  },
);

test('the input scale table is the graph’s own [-1, 1] scaling of 8-bit RGB', async () => {
  await platform.initBackend({});
  const graph = new MoveNetGraph(await platform.loadMoveNet({}));
  try {
    const s = graph.inputScale;
    assert.equal(s.length, 256 * 3);
    for (let c = 0; c < 3; c++) {
      assert.equal(s[c], -1);
      assert.ok(Math.abs(s[255 * 3 + c]! - 1) < 0.01, `channel ${c}: 255 -> ${s[255 * 3 + c]}`);
      for (let v = 1; v < 256; v++) assert.ok(s[v * 3 + c]! > s[(v - 1) * 3 + c]!, 'increasing');
    }
  } finally {
    graph.dispose();
  }
});

test('MoveNetGraph gives the same keypoints with and without its arena and leaves nothing behind', async () => {
  await platform.initBackend({});
  const artifacts = await platform.loadMoveNet({});
  const backend = tf.backend();
  const before = backend.numDataIds();
  const inArena = new MoveNetGraph(artifacts);
  const perCall = new MoveNetGraph(artifacts, { arena: false });
  const wholeHeads = new MoveNetGraph(artifacts, { arena: false, wholeHeads: true });
  try {
    for (const rel of ['upright/nvinayvarma189_straight_hf.jpg', 'slouching/nvinayvarma189_hunchback.jpg']) {
      const photo = decodeSittingPhoto(rel);
      const pixels = letterboxPixels(
        photo.data,
        channelsOf(photo),
        letterbox(photo.width, photo.height, 192),
      );
      const input = new Float32Array(pixels.length);
      for (let i = 0; i < pixels.length; i++) input[i] = inArena.inputScale[pixels[i]! * 3 + (i % 3)]!;
      const expected = wholeHeads.run(input);
      assert.deepEqual(inArena.run(input), expected, rel);
      assert.deepEqual(inArena.run(input), expected, `${rel}, again in the same memory`);
      assert.deepEqual(perCall.run(input), expected, rel);
    }
  } finally {
    inArena.dispose();
    perCall.dispose();
    wholeHeads.dispose();
  }
  assert.equal(backend.numDataIds(), before, 'the weights and the arena are freed');
});
