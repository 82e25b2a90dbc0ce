import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYPOINT_NAMES, type Keypoint, type Pose } from '@hipwise/core';
import { KeypointSmoother } from './keypoint-smoother.js';

/** A pose with every joint on a 100-pixel grid, shifted by dx, with per-joint score overrides. */
function pose(
  dx: number,
  scores: Partial<Record<string, number>> = {},
  moved: Partial<Record<string, number>> = {},
): Pose {
  const keypoints: Keypoint[] = KEYPOINT_NAMES.map((name, i) => ({
    name,
    x: (i % 4) * 100 + dx + (moved[name] ?? 0),
    y: Math.floor(i / 4) * 100,
    score: scores[name] ?? 0.9,
  }));
  return { keypoints };
}

const at = (p: Pose, name: string) => p.keypoints.find((k) => k.name === name)!;

test('jitter on a still body is damped', () => {
  const s = new KeypointSmoother();
  let worst = 0;
  for (let i = 0; i < 60; i++) {
    const out = s.smooth(pose(i % 2 === 0 ? 4 : -4), i * 33);
    if (i > 10) worst = Math.max(worst, Math.abs(at(out, 'nose').x));
  }
  assert.ok(worst < 2, `±4 px jitter came through as ±${worst.toFixed(2)} px`);
});

test('a joint below the score threshold passes through untouched and keeps its low score', () => {
  const s = new KeypointSmoother({ minScore: 0.3 });
  s.smooth(pose(0), 0);
  const out = s.smooth(pose(0, { left_wrist: 0.1 }, { left_wrist: 500 }), 33);
  const wrist = at(out, 'left_wrist');
  assert.equal(wrist.score, 0.1);
  assert.equal(wrist.x, at(pose(0, {}, { left_wrist: 500 }), 'left_wrist').x);
});

test('a joint that reappears starts fresh instead of being dragged from where it was last seen', () => {
  const s = new KeypointSmoother();
  for (let i = 0; i < 10; i++) s.smooth(pose(0), i * 33);
  s.smooth(pose(0, { left_knee: 0.05 }, { left_knee: -300 }), 10 * 33); // hidden, garbage guess
  const back = s.smooth(pose(0, {}, { left_knee: 150 }), 11 * 33); // seen again, somewhere else
  assert.equal(at(back, 'left_knee').x, at(pose(0, {}, { left_knee: 150 }), 'left_knee').x);
});

test('a long pause restarts every filter', () => {
  const s = new KeypointSmoother({ maxGapMs: 500 });
  for (let i = 0; i < 10; i++) s.smooth(pose(0), i * 33);
  const out = s.smooth(pose(80), 5000);
  assert.equal(at(out, 'nose').x, 80);
});

test('a steady move is followed within a few pixels after a short delay', () => {
  const s = new KeypointSmoother();
  let out: Pose = pose(0);
  for (let i = 0; i < 30; i++) out = s.smooth(pose(i * 5), i * 33); // ~150 px/s, a body size ~ 250 px
  const lag = 29 * 5 - at(out, 'nose').x;
  assert.ok(lag >= 0 && lag < 25, `lag ${lag.toFixed(1)} px`);
});
