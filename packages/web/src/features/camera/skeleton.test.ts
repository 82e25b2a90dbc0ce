import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stickFigure } from '@hipwise/core/testing';
import { SKELETON_EDGES, seenKeypoints, skeletonSegments } from './skeleton';

const seated = () =>
  stickFigure({ facing: 'right', trunkBackDeg: 0, thighElevationDeg: 0, kneeDeg: 90, armElevationDeg: -90 });

test('a fully seen figure draws every bone', () => {
  const pose = seated();
  assert.equal(seenKeypoints(pose).length, 17);
  assert.equal(skeletonSegments(pose).length, SKELETON_EDGES.length);
});

test('bones to a joint that is not seen are left out', () => {
  const pose = stickFigure({
    facing: 'right',
    trunkBackDeg: 0,
    thighElevationDeg: 0,
    kneeDeg: 90,
    armElevationDeg: -90,
    missing: ['left_ankle', 'right_ankle', 'left_wrist'],
  });
  assert.equal(seenKeypoints(pose).length, 14);
  const names = skeletonSegments(pose).map(([a, b]) => `${a.name}-${b.name}`);
  assert.equal(names.length, SKELETON_EDGES.length - 3);
  assert.ok(!names.some((n) => n.includes('ankle') || n.includes('left_wrist')));
  assert.ok(names.includes('left_hip-left_knee'));
});
