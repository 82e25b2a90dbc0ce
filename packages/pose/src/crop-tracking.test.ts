import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPoseDetector } from './create-pose-detector.js';
import { sittingAccuracyAtScale } from './testing/scale-accuracy.js';

/**
 * A person seated about 3 m from a webcam fills about half its height. Read whole, such a frame
 * gives the model a person a fifth of its input tall and the coach mostly "cannot see"; with crop
 * tracking it must classify them like a close-up. `npm run bench:pose` prints every scale.
 */
test(
  'crop tracking: the 13 sitting photos at half the frame height, at four places across, are classified after 10 frames',
  { timeout: 300_000 },
  async () => {
    const detector = await createPoseDetector();
    try {
      const r = await sittingAccuracyAtScale(detector, 0.5, 10);
      const misses = r.cases
        .filter((c) => c.predicted !== c.expected)
        .map((c) => `${c.rel} at ${c.place}: ${c.predicted}`);
      assert.equal(r.total, 52);
      assert.ok(r.correct >= 44, `${r.correct}/52 classified; missed:\n${misses.join('\n')}`);
    } finally {
      detector.dispose();
    }
  },
);
