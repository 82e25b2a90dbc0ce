import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angle, elevation, leanFromVertical, type Facing } from '../form/geometry.js';
import { findKeypoint, KEYPOINT_NAMES, type KeypointName, type Pose } from '../form/keypoints.js';
import { stickFigure, type StickFigureSpec } from './stick-figure.js';

const at = (p: Pose, n: KeypointName) => {
  const k = findKeypoint(p, n);
  assert.ok(k, n);
  return k;
};
const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

const spec: StickFigureSpec = {
  facing: 'right',
  trunkBackDeg: 25,
  thighElevationDeg: 10,
  kneeDeg: 95,
  armElevationDeg: -5,
  elbowDeg: 170,
};

for (const facing of ['left', 'right'] as const) {
  test(`stick figure facing ${facing} reproduces its joint angles on the near side`, () => {
    const p = stickFigure({ ...spec, facing });
    const f: Facing = facing === 'right' ? 1 : -1;
    const s = facing; // the near side is the one facing the camera's way
    const near = (j: 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'ear') => at(p, `${s}_${j}`);
    const [sh, el, wr, hip, kn, an] = [
      near('shoulder'),
      near('elbow'),
      near('wrist'),
      near('hip'),
      near('knee'),
      near('ankle'),
    ];
    close(leanFromVertical(hip, sh, f), 25);
    close(elevation(hip, kn, f), 10);
    close(angle(hip, kn, an), 95);
    close(elevation(sh, el, f), -5);
    close(angle(sh, el, wr), 170);
    assert.ok(at(p, 'nose').x * f > near('ear').x * f, 'the nose is ahead of the ear');
  });
}

test('keypoints come in COCO order with the near side scored higher', () => {
  const p = stickFigure(spec);
  assert.deepEqual(
    p.keypoints.map((k) => k.name),
    [...KEYPOINT_NAMES],
  );
  assert.ok(at(p, 'right_knee').score > at(p, 'left_knee').score);
});

test('noise is seeded: the same seed gives the same figure, another seed another', () => {
  const a = stickFigure({ ...spec, noise: { seed: 7, sdPx: 3 } });
  const b = stickFigure({ ...spec, noise: { seed: 7, sdPx: 3 } });
  const c = stickFigure({ ...spec, noise: { seed: 8, sdPx: 3 } });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  const exact = stickFigure(spec);
  const moved = Math.abs(at(a, 'right_hip').x - at(exact, 'right_hip').x);
  assert.ok(moved > 0 && moved < 15);
});

test('missing joints get a low score and a wrong position', () => {
  const p = stickFigure({ ...spec, missing: ['right_ankle'] });
  const exact = stickFigure(spec);
  assert.ok(at(p, 'right_ankle').score < 0.1);
  assert.notEqual(at(p, 'right_ankle').x, at(exact, 'right_ankle').x);
});
