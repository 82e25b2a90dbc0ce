import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_BACKOFF, recordFailure, secondsLocked, type FailureRecord } from './login-backoff.js';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

function failTimes(n: number, gapSeconds = 0): FailureRecord | undefined {
  let r: FailureRecord | undefined;
  for (let i = 0; i < n; i++) r = recordFailure(ACCOUNT_BACKOFF, r, at(i * gapSeconds));
  return r;
}

test('the first five failures cost nothing; then the wait doubles from 2 s', () => {
  const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => secondsLocked(failTimes(n), at(0)));
  assert.deepEqual(waits, [0, 0, 0, 0, 0, 2, 4, 8, 16]);
});

test('the wait is capped at 15 minutes', () => {
  assert.equal(secondsLocked(failTimes(40), at(0)), 15 * 60);
});

test('a lock runs out', () => {
  const r = failTimes(7);
  assert.equal(secondsLocked(r, at(3)), 1);
  assert.equal(secondsLocked(r, at(4)), 0);
});

test('failures are forgotten after an hour without one', () => {
  const r = failTimes(8);
  const later = recordFailure(ACCOUNT_BACKOFF, r, at(3601));
  assert.equal(later.failures, 1);
  assert.equal(secondsLocked(later, at(3601)), 0);
  const soon = recordFailure(ACCOUNT_BACKOFF, r, at(3599));
  assert.equal(soon.failures, 9);
});
