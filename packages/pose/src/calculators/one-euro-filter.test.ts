import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OneEuroFilter } from './one-euro-filter.js';

const params = { minCutoff: 1, beta: 0, derivativeCutoff: 1 };

test('the first sample passes through unchanged', () => {
  assert.equal(new OneEuroFilter(params).filter(42, 0), 42);
});

test('at rest it damps jitter', () => {
  const f = new OneEuroFilter(params);
  let maxDeviation = 0;
  for (let i = 0; i < 90; i++) {
    const noisy = 100 + (i % 2 === 0 ? 5 : -5);
    const out = f.filter(noisy, i * 33);
    if (i > 10) maxDeviation = Math.max(maxDeviation, Math.abs(out - 100));
  }
  assert.ok(maxDeviation < 2, `jitter of ±5 came through as ±${maxDeviation.toFixed(2)}`);
});

test('with beta, a fast move is followed with less lag than without', () => {
  const run = (beta: number) => {
    const f = new OneEuroFilter({ ...params, beta });
    f.filter(0, 0);
    let out = 0;
    for (let i = 1; i <= 5; i++) out = f.filter(i * 20, i * 33); // 600 units/s
    return 100 - out; // lag behind the true value after 5 frames
  };
  const slow = run(0);
  const fast = run(0.05);
  assert.ok(fast < slow / 2, `lag with beta ${fast.toFixed(1)} vs without ${slow.toFixed(1)}`);
});

test('the exponential smoothing factor matches the formula', () => {
  // One step of dt = 0.1 s at 1 Hz: alpha = 1 / (1 + (1/2π)/0.1) ≈ 0.3858.
  const f = new OneEuroFilter(params);
  f.filter(0, 0);
  const out = f.filter(10, 100);
  assert.ok(Math.abs(out - 10 / (1 + 1 / (2 * Math.PI) / 0.1)) < 1e-9);
});

test('a sample out of order or at the same time changes nothing; reset forgets', () => {
  const f = new OneEuroFilter(params);
  f.filter(0, 100);
  assert.equal(f.filter(50, 100), 0);
  assert.equal(f.filter(50, 50), 0);
  f.reset();
  assert.equal(f.filter(50, 200), 50);
});
