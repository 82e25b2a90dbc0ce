import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_PACER,
  breathsCompleted,
  breathsPerMinute,
  clampPacer,
  pacerAt,
  EXHALE_RANGE,
  INHALE_RANGE,
} from './pacer.js';

test('the default pace is 6 breaths a minute, 5 s in and 5 s out', () => {
  assert.deepEqual(DEFAULT_PACER, { inhaleSeconds: 5, exhaleSeconds: 5 });
  assert.equal(breathsPerMinute(DEFAULT_PACER), 6);
  assert.equal(breathsPerMinute({ inhaleSeconds: 4, exhaleSeconds: 6 }), 6);
  assert.equal(breathsPerMinute({ inhaleSeconds: 4, exhaleSeconds: 4 }), 7.5);
});

test('phase, countdown and fullness through one breath', () => {
  const s = { inhaleSeconds: 4, exhaleSeconds: 6 };
  assert.deepEqual(pacerAt(s, 0), {
    phase: 'inhale',
    phaseProgress: 0,
    secondsLeft: 4,
    breathIndex: 0,
    fullness: 0,
  });
  const mid = pacerAt(s, 2000);
  assert.equal(mid.phase, 'inhale');
  assert.equal(mid.secondsLeft, 2);
  assert.ok(Math.abs(mid.fullness - 0.5) < 1e-9);
  const top = pacerAt(s, 4000);
  assert.equal(top.phase, 'exhale');
  assert.equal(top.secondsLeft, 6);
  assert.ok(Math.abs(top.fullness - 1) < 1e-9);
  const late = pacerAt(s, 9500);
  assert.equal(late.phase, 'exhale');
  assert.equal(late.secondsLeft, 1);
  assert.ok(late.fullness < 0.05);
  const next = pacerAt(s, 10_000);
  assert.equal(next.phase, 'inhale');
  assert.equal(next.breathIndex, 1);
  // Eased: slower at the turns than in the middle.
  assert.ok(pacerAt(s, 400).fullness < 0.1 * 1.0);
  assert.equal(pacerAt(s, -500).phase, 'inhale');
});

test('breaths completed counts whole cycles only', () => {
  assert.equal(breathsCompleted(DEFAULT_PACER, 59_999), 5);
  assert.equal(breathsCompleted(DEFAULT_PACER, 60_000), 6);
  assert.equal(breathsCompleted(DEFAULT_PACER, -1), 0);
});

test('settings are kept inside the bounds and on half seconds', () => {
  assert.deepEqual(clampPacer({ inhaleSeconds: 0.4, exhaleSeconds: 99 }), {
    inhaleSeconds: INHALE_RANGE.min,
    exhaleSeconds: EXHALE_RANGE.max,
  });
  assert.deepEqual(clampPacer({ inhaleSeconds: 4.3, exhaleSeconds: 5.8 }), {
    inhaleSeconds: 4.5,
    exhaleSeconds: 6,
  });
  assert.deepEqual(clampPacer({ inhaleSeconds: Number.NaN, exhaleSeconds: 5 }), {
    inhaleSeconds: 2,
    exhaleSeconds: 5,
  });
});
