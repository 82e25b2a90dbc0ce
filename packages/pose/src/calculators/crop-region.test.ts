import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pose } from '@hipwise/core';
import { stickFigure } from '@hipwise/core/testing';
import { DEFAULT_CROP_TRACKER, nextCropRegion, type CropRegion } from './crop-region.js';

const FRAME = { width: 640, height: 480 };

/** A person seated side-on, facing right, `heightPx` tall, hips at (x, y). */
function seated(x: number, y: number, heightPx = 170, score = 0.8): Pose {
  return stickFigure({
    facing: 'right',
    heightPx,
    hip: { x, y },
    trunkBackDeg: 0,
    thighElevationDeg: 0,
    kneeDeg: 90,
    armElevationDeg: -90,
    scores: { near: score, far: score, face: score },
  });
}

function withScores(pose: Pose, score: (name: string) => number | undefined): Pose {
  return { keypoints: pose.keypoints.map((k) => ({ ...k, score: score(k.name) ?? k.score })) };
}

function assertContains(square: CropRegion, pose: Pose, why: string): void {
  for (const k of pose.keypoints) {
    assert.ok(
      k.x >= square.x && k.x <= square.x + square.size && k.y >= square.y && k.y <= square.y + square.size,
      `${why}: ${k.name} (${k.x.toFixed(0)}, ${k.y.toFixed(0)}) inside ${JSON.stringify(square)}`,
    );
  }
}

function assertInsideFrame(square: CropRegion): void {
  assert.ok(
    square.x >= 0 && square.x + square.size <= FRAME.width + 1e-9,
    `x inside: ${JSON.stringify(square)}`,
  );
  assert.ok(
    square.y >= 0 && square.y + square.size <= FRAME.height + 1e-9,
    `y inside: ${JSON.stringify(square)}`,
  );
}

test('from a whole-frame read, a small person gets a square around the hips that holds the whole body', () => {
  const pose = seated(320, 300);
  const square = nextCropRegion(undefined, pose, FRAME);
  assert.ok(square, 'a crop');
  assertContains(square, pose, 'body');
  assertInsideFrame(square);
  assert.ok(
    square.size < 0.75 * FRAME.height,
    `a crop much smaller than the frame (${square.size.toFixed(0)})`,
  );
  // Centred on the hips where the frame leaves room on every side.
  const hips = pose.keypoints.filter((k) => k.name.endsWith('_hip'));
  const hipX = (hips[0]!.x + hips[1]!.x) / 2;
  assert.ok(Math.abs(square.x + square.size / 2 - hipX) < 1e-9, 'centred across on the hips');
});

test('a person touching the frame edge: the square slides inside the frame, same size, body kept', () => {
  // Near hip 25 px from the left edge: a square centred there would be half black.
  const atEdge = seated(25, 300);
  const centred = nextCropRegion(undefined, seated(320, 300), FRAME)!;
  const square = nextCropRegion(undefined, atEdge, FRAME);
  assert.ok(square);
  assert.equal(square.x, 0);
  assert.ok(Math.abs(square.size - centred.size) < 1e-9, 'sliding does not change the scale');
  assertContains(square, atEdge, 'person at the left edge');
  assertInsideFrame(square);

  const right = seated(FRAME.width - 5, 300);
  const r = nextCropRegion(undefined, right, FRAME)!;
  assert.ok(Math.abs(r.x + r.size - FRAME.width) < 1e-9, 'flush with the right edge');
});

test('person lost (nothing scores): the next frame is read whole, with or without a crop before', () => {
  const gone = withScores(seated(320, 300), () => 0.05);
  assert.equal(nextCropRegion(undefined, gone, FRAME), undefined);
  const before = nextCropRegion(undefined, seated(320, 300), FRAME)!;
  assert.equal(nextCropRegion(before, gone, FRAME), undefined);
});

test('low scores: no shoulder or no hip seen means lost; low-scoring limbs do not widen the square', () => {
  const noShoulders = withScores(seated(320, 300), (n) => (n.endsWith('shoulder') ? 0.1 : undefined));
  assert.equal(nextCropRegion(undefined, noShoulders, FRAME), undefined);
  const noHips = withScores(seated(320, 300), (n) => (n.endsWith('hip') ? 0.15 : undefined));
  assert.equal(nextCropRegion(undefined, noHips, FRAME), undefined);

  const pose = seated(320, 300);
  // The model's guess for an unseen wrist, far off and scoring low, is ignored.
  const wild = {
    keypoints: pose.keypoints.map((k) => (k.name === 'left_wrist' ? { ...k, x: 630, y: 20, score: 0.1 } : k)),
  };
  assert.deepEqual(nextCropRegion(undefined, wild, FRAME), nextCropRegion(undefined, pose, FRAME));
  // One hip seen is enough to centre on.
  const oneHip = withScores(pose, (n) => (n === 'left_hip' ? 0.05 : undefined));
  assert.ok(nextCropRegion(undefined, oneHip, FRAME));
});

test('a person filling the frame is read whole; a tiny one gets no less than the minimum square', () => {
  assert.equal(nextCropRegion(undefined, seated(320, 300, 900), FRAME), undefined);
  const tiny = nextCropRegion(undefined, seated(320, 300, 40), FRAME)!;
  assert.ok(Math.abs(tiny.size - DEFAULT_CROP_TRACKER.minSizeFraction * FRAME.width) < 1e-9);
});

test('small moves inside the square are smoothed: the square moves part of the way', () => {
  const before = nextCropRegion(undefined, seated(300, 300), FRAME)!;
  const moved = seated(310, 300);
  const target = nextCropRegion(undefined, moved, FRAME)!;
  const next = nextCropRegion(before, moved, FRAME)!;
  assert.ok(next.x > before.x && next.x < target.x, `${before.x} < ${next.x} < ${target.x}`);
  // A still person keeps a still square.
  const still = nextCropRegion(before, seated(300, 300), FRAME)!;
  assert.ok(Math.abs(still.x - before.x) < 1e-9 && Math.abs(still.size - before.size) < 1e-9);
});

test('a fast move to the edge of the square is followed at once, unsmoothed and no smaller', () => {
  const before = nextCropRegion(undefined, seated(220, 300), FRAME)!;
  // Read from `before`, the person has moved right so far that the knees sit on its right edge
  // (the model clamps what it sees to the square it was given).
  const right = before.x + before.size;
  const moved = seated(300, 300);
  const clamped = {
    keypoints: moved.keypoints.map((k) => ({ ...k, x: Math.min(k.x, right) })),
  };
  const next = nextCropRegion(before, clamped, FRAME)!;
  assert.ok(next.size >= before.size - 1e-9, 'no smaller');
  // Centred on the new hips at once (a smoothed step would stop 20% short of them).
  const hips = clamped.keypoints.filter((k) => k.name.endsWith('_hip'));
  const hipX = (hips[0]!.x + hips[1]!.x) / 2;
  assert.ok(Math.abs(next.x + next.size / 2 - hipX) < 1e-9, 'centred on the new hips');
  assertContains(next, moved, 'the moved body, including what the last square cut off');
});

test('a previous square outside the frame on an axis it cannot fit does not count as an edge', () => {
  // Taller than the frame: its top and bottom lie outside, so keypoints near them are no escape.
  const tall: CropRegion = { x: 100, y: -40, size: 560 };
  const pose = seated(320, 300, 300);
  const next = nextCropRegion(tall, pose, FRAME);
  const fresh = nextCropRegion(undefined, pose, FRAME);
  assert.ok(next && fresh);
  assert.ok(next.size < tall.size && next.size > fresh.size, 'shrinks towards the body, smoothed');
});
