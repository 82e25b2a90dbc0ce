import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angle, distanceToSegment, elevation, leanFromVertical } from './geometry.js';

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

test('angle measures the interior angle at the middle point', () => {
  close(angle({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 1 }), 90);
  close(angle({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: -1, y: 0 }), 180);
  close(angle({ x: 1, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 }), 45);
  assert.ok(Number.isNaN(angle({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 })));
});

test('leanFromVertical is positive leaning back, the same facing either way', () => {
  const hip = { x: 100, y: 100 };
  // Facing right (+x): a shoulder up and to the left is behind the hip.
  close(leanFromVertical(hip, { x: 100, y: 0 }, 1), 0);
  close(leanFromVertical(hip, { x: 0, y: 0 }, 1), 45);
  close(leanFromVertical(hip, { x: 200, y: 0 }, 1), -45);
  // Mirrored: facing left, the same shoulder is now ahead.
  close(leanFromVertical(hip, { x: 0, y: 0 }, -1), -45);
  close(leanFromVertical(hip, { x: 200, y: 0 }, -1), 45);
});

test('elevation is measured from the forward horizontal, up positive', () => {
  const s = { x: 0, y: 0 };
  close(elevation(s, { x: 10, y: 0 }, 1), 0);
  close(elevation(s, { x: -10, y: 0 }, -1), 0);
  close(elevation(s, { x: 10, y: -10 }, 1), 45);
  close(elevation(s, { x: 0, y: 10 }, 1), -90);
});

test('distanceToSegment clamps to the end points', () => {
  const a = { x: 0, y: 0 };
  const b = { x: 10, y: 0 };
  close(distanceToSegment({ x: 5, y: 3 }, a, b), 3);
  close(distanceToSegment({ x: -3, y: 4 }, a, b), 5);
  close(distanceToSegment({ x: 13, y: 4 }, a, b), 5);
});
