import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cropBox, letterbox, letterboxPixels, toFramePixels, visibleSource } from './letterbox.js';
import { decodeMoveNet } from './decode.js';

test('a landscape frame is centred between bars above and below', () => {
  const box = letterbox(640, 480, 192);
  assert.equal(box.scale, 0.3);
  assert.equal(box.offsetX, 0);
  assert.equal(box.offsetY, 24);
  // The input's corners of the picture area map back to the frame's corners.
  assert.deepEqual(toFramePixels(box, 0, 24 / 192), { x: 0, y: 0 });
  const br = toFramePixels(box, 1, 168 / 192);
  assert.ok(Math.abs(br.x - 640) < 1e-9 && Math.abs(br.y - 480) < 1e-9);
});

test('a portrait frame gets bars left and right', () => {
  const box = letterbox(720, 1280, 192);
  assert.equal(box.offsetY, 0);
  assert.equal(box.offsetX, (192 - 720 * 0.15) / 2);
});

test('letterboxPixels averages the footprint and blacks out the bars', () => {
  // 4x2 RGBA frame: left half red, right half blue; into a 2x2 input (scale 0.5, bar on one row).
  const w = 4;
  const h = 2;
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      data[i] = x < 2 ? 200 : 0;
      data[i + 2] = x < 2 ? 0 : 100;
      data[i + 3] = 255;
    }
  const box = letterbox(w, h, 2);
  assert.equal(box.offsetY, 0.5);
  const out = letterboxPixels(data, 4, box);
  // Row 0 covers frame row 0 (centre 0.5 - 0.5 = 0 / 0.5 = 0), row 1 covers row 1.
  assert.deepEqual([...out.slice(0, 3)], [200, 0, 0]);
  assert.deepEqual([...out.slice(3, 6)], [0, 0, 100]);
  // A taller input with real bars: 8x8 from a 4x2 frame -> rows 0..2 and 5..7 are bars.
  const tall = letterboxPixels(data, 4, letterbox(w, h, 8));
  assert.deepEqual([...tall.slice(0, 3)], [0, 0, 0]);
  assert.deepEqual([...tall.slice(4 * 8 * 3, 4 * 8 * 3 + 3)], [200, 0, 0]);
});

test('decodeMoveNet reads (y, x, score) triples in COCO order into frame pixels', () => {
  const box = letterbox(640, 480, 192);
  const raw = new Float32Array(51);
  raw[0] = 0.5; // nose y
  raw[1] = 0.25; // nose x
  raw[2] = 0.9;
  raw[16 * 3 + 2] = 0.1; // right_ankle score
  const pose = decodeMoveNet(raw, box);
  assert.equal(pose.keypoints.length, 17);
  const nose = pose.keypoints[0]!;
  assert.equal(nose.name, 'nose');
  assert.ok(Math.abs(nose.x - 160) < 1e-6 && Math.abs(nose.y - 240) < 1e-6);
  assert.ok(Math.abs(nose.score - 0.9) < 1e-6);
  assert.equal(pose.keypoints[16]!.name, 'right_ankle');
  assert.throws(() => decodeMoveNet(new Float32Array(50), box), RangeError);
});

test('a crop is a letterbox whose square is part of the frame: corners map back to the crop', () => {
  const box = cropBox({ x: 100, y: 50, size: 240 }, 640, 480, 192);
  assert.equal(box.scale, 0.8);
  assert.deepEqual(toFramePixels(box, 0, 0), { x: 100, y: 50 });
  const br = toFramePixels(box, 1, 1);
  assert.ok(Math.abs(br.x - 340) < 1e-9 && Math.abs(br.y - 290) < 1e-9);
  assert.deepEqual(visibleSource(box), { x: 100, y: 50, width: 240, height: 240 });
  // The whole-frame letterbox sees the whole frame.
  assert.deepEqual(visibleSource(letterbox(640, 480, 192)), { x: 0, y: 0, width: 640, height: 480 });
});

test('letterboxPixels reads a crop, black beyond the frame', () => {
  // 4x4 RGB frame whose pixel (x, y) has red = 10x + y; crop the 2x2 square at (2, 2) into 2x2.
  const data = new Uint8Array(4 * 4 * 3);
  for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) data[(y * 4 + x) * 3] = 10 * x + y;
  const out = letterboxPixels(data, 3, cropBox({ x: 2, y: 2, size: 2 }, 4, 4, 2));
  assert.deepEqual(
    [0, 1, 2, 3].map((p) => out[p * 3]),
    [22, 32, 23, 33],
  );
  // A square hanging off the right edge: its right column is black.
  const off = letterboxPixels(data, 3, cropBox({ x: 3, y: 0, size: 2 }, 4, 4, 2));
  assert.deepEqual(
    [0, 1, 2, 3].map((p) => off[p * 3]),
    [30, 0, 31, 0],
  );
});
