import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Keypoint, KeypointName, Pose } from '@hipwise/core';
import { createPoseDetector } from './create-pose-detector.js';
import { decodeSittingPhoto as photo } from './testing/sitting-photos.js';

const MIN_SCORE = 0.3;

const kp = (pose: Pose, name: KeypointName): Keypoint => {
  const k = pose.keypoints.find((p) => p.name === name);
  assert.ok(k, name);
  return k;
};

/** The side nearer the camera: the one whose hip, knee and shoulder score higher. */
function nearSide(pose: Pose): 'left' | 'right' {
  const s = (side: 'left' | 'right') =>
    (['shoulder', 'hip', 'knee'] as const).reduce((sum, j) => sum + kp(pose, `${side}_${j}`).score, 0);
  return s('left') >= s('right') ? 'left' : 'right';
}

test(
  'MoveNet in Node finds a seated person side-on in real photos, facing either way',
  { timeout: 30_000 },
  async () => {
    const detector = await createPoseDetector();
    try {
      // One facing left, one facing right (a _flip shot), one slouching.
      for (const [rel, facing] of [
        ['upright/nvinayvarma189_straight_hf.jpg', -1],
        ['upright/nvinayvarma189_straight_flip.jpg', 1],
        ['slouching/nvinayvarma189_hunchback_flip.jpg', 1],
      ] as const) {
        const frame = photo(rel);
        // Another photo, not the next frame of the last one.
        detector.reset();
        const pose = await detector.estimate(frame);
        assert.equal(pose.keypoints.length, 17);
        for (const k of pose.keypoints) {
          assert.ok(
            k.x >= 0 && k.x <= frame.width && k.y >= 0 && k.y <= frame.height,
            `${rel}: ${k.name} inside the frame`,
          );
        }
        const side = nearSide(pose);
        const near = (j: 'shoulder' | 'hip' | 'knee' | 'ankle') => kp(pose, `${side}_${j}`);
        for (const j of ['shoulder', 'hip', 'knee', 'ankle'] as const) {
          assert.ok(near(j).score >= MIN_SCORE, `${rel}: ${side} ${j} seen (${near(j).score.toFixed(2)})`);
        }
        assert.ok(kp(pose, 'nose').score >= MIN_SCORE, `${rel}: nose seen`);
        // Seated, seen from the side: head above shoulders above hips; knees ahead of the hips
        // at about hip height; ankles below the knees.
        assert.ok(kp(pose, 'nose').y < near('shoulder').y, `${rel}: nose above shoulder`);
        assert.ok(near('shoulder').y < near('hip').y, `${rel}: shoulder above hip`);
        assert.ok(near('ankle').y > near('knee').y, `${rel}: ankle below knee`);
        const thigh = Math.hypot(near('knee').x - near('hip').x, near('knee').y - near('hip').y);
        assert.ok(Math.abs(near('knee').y - near('hip').y) < 0.5 * thigh, `${rel}: thigh roughly level`);
        assert.equal(
          Math.sign(near('knee').x - near('hip').x),
          facing,
          `${rel}: knees point the way the person faces`,
        );
        // In pixels of the photo (720x1280), not of the 192x192 model input.
        assert.ok(near('ankle').y > 700, `${rel}: ankle y ${near('ankle').y.toFixed(0)} in frame pixels`);
      }
    } finally {
      detector.dispose();
    }
  },
);

test(
  'estimate takes RGB as well as RGBA, and rejects data of the wrong size',
  { timeout: 30_000 },
  async () => {
    const detector = await createPoseDetector();
    try {
      const rgba = photo('upright/nvinayvarma189_straight_hf.jpg');
      const rgb = new Uint8Array(rgba.width * rgba.height * 3);
      for (let i = 0, o = 0; o < rgb.length; i += 4, o += 3) {
        rgb[o] = rgba.data[i]!;
        rgb[o + 1] = rgba.data[i + 1]!;
        rgb[o + 2] = rgba.data[i + 2]!;
      }
      const a = await detector.estimate(rgba);
      detector.reset();
      const b = await detector.estimate({ data: rgb, width: rgba.width, height: rgba.height });
      for (let i = 0; i < 17; i++) assert.ok(Math.abs(a.keypoints[i]!.x - b.keypoints[i]!.x) < 1e-3);
      await assert.rejects(
        detector.estimate({ data: rgb.subarray(1), width: rgba.width, height: rgba.height }),
        RangeError,
      );
    } finally {
      detector.dispose();
    }
  },
);
