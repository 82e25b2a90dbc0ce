import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from './mulberry32.js';

test('mulberry32 is deterministic and spreads over [0, 1)', () => {
  const r = mulberry32(42);
  const xs = Array.from({ length: 1000 }, r);
  assert.deepEqual(xs.slice(0, 3), Array.from({ length: 3 }, mulberry32(42)));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.05);
});
