import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pose } from '@hipwise/core';
import { stickFigure } from '@hipwise/core/testing';
import { absentMs, personInView } from './in-view';

const person = stickFigure({
  facing: 'right',
  trunkBackDeg: 0,
  thighElevationDeg: 0,
  kneeDeg: 90,
  armElevationDeg: -90,
});
const scored = (pose: Pose, f: (name: string) => number | undefined): Pose => ({
  keypoints: pose.keypoints.map((k) => ({ ...k, score: f(k.name) ?? k.score })),
});

test('someone is in view when a shoulder and a hip are seen, on either side', () => {
  assert.equal(personInView(person), true);
  assert.equal(personInView(scored(person, (n) => (n.startsWith('left_') ? 0.05 : undefined))), true);
  assert.equal(personInView(scored(person, () => 0.1)), false, 'an empty room');
  assert.equal(personInView(scored(person, (n) => (n.endsWith('_hip') ? 0.1 : undefined))), false, 'no hip');
  assert.equal(
    personInView(scored(person, (n) => (n.endsWith('_shoulder') ? 0.1 : undefined))),
    false,
    'no shoulder',
  );
});

test('absence counts from the later of the start of watching and the last sighting', () => {
  assert.equal(absentMs(1_000, undefined, 4_500), 3_500);
  assert.equal(absentMs(1_000, 3_000, 4_500), 1_500);
  // Seen before watching (re)started, e.g. before the tab was hidden: counts from the restart.
  assert.equal(absentMs(5_000, 3_000, 6_000), 1_000);
  assert.equal(absentMs(5_000, 6_000, 5_500), 0);
});
