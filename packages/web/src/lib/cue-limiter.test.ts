import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCueLimiter } from './cue-limiter';

test('the same cue is said at most every 4 s', () => {
  const limiter = createCueLimiter();
  assert.equal(limiter.take('Lean back a little more.', 0), true);
  assert.equal(limiter.take('Lean back a little more.', 33), false);
  assert.equal(limiter.take('Lean back a little more.', 3999), false);
  assert.equal(limiter.take('Lean back a little more.', 4000), true);
});

test('a different cue waits only for the short gap between any two cues', () => {
  const limiter = createCueLimiter({ repeatMs: 4000, minGapMs: 1500 });
  assert.equal(limiter.take('Straighten your arms.', 0), true);
  assert.equal(limiter.take('Keep your arms parallel.', 1000), false, 'too soon after any cue');
  assert.equal(limiter.take('Keep your arms parallel.', 1500), true);
  assert.equal(limiter.take('Straighten your arms.', 3000), false, 'said 3 s ago');
  assert.equal(limiter.take('Straighten your arms.', 4100), true);
});

test('a refused cue does not count as said', () => {
  const limiter = createCueLimiter({ repeatMs: 4000, minGapMs: 1500 });
  assert.equal(limiter.take('a', 0), true);
  assert.equal(limiter.take('b', 100), false);
  // b was never said, so only the 1.5 s gap holds it back.
  assert.equal(limiter.take('b', 1600), true);
});

test('reset forgets what was said', () => {
  const limiter = createCueLimiter();
  assert.equal(limiter.take('a', 0), true);
  limiter.reset();
  assert.equal(limiter.take('a', 10), true);
});
