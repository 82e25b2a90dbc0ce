import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeSinceBaseline } from './change.js';

// Farrar 2001: about 2 points or about 30% reduction is a clinically important difference.
test('pain: a 2-point drop is meaningful, a 1-point drop from a high baseline is not', () => {
  const two = changeSinceBaseline('pain', 7, 5);
  assert.equal(two.direction, 'better');
  assert.equal(two.meaningful, true);
  assert.equal(changeSinceBaseline('pain', 7, 6).meaningful, false);
});

test('pain: 30% reduction counts even when under 2 points', () => {
  const c = changeSinceBaseline('pain', 5, 3.5); // -1.5 points, -30%
  assert.equal(c.meaningful, true);
  assert.ok(Math.abs((c.relative ?? 0) + 0.3) < 1e-12);
  assert.equal(changeSinceBaseline('pain', 5, 3.6).meaningful, false); // -28%
  assert.equal(changeSinceBaseline('pain', 3, 2).meaningful, true); // -33%
});

test('pain: worsening needs 2 points; percentages of a low baseline are not used', () => {
  assert.equal(changeSinceBaseline('pain', 1, 2).meaningful, false);
  const worse = changeSinceBaseline('pain', 3, 5);
  assert.equal(worse.direction, 'worse');
  assert.equal(worse.meaningful, true);
  assert.equal(changeSinceBaseline('pain', 0, 1).relative, null);
  assert.equal(changeSinceBaseline('pain', 6, 4.2).meaningful, true); // 30% of 6 = 1.8
  assert.equal(changeSinceBaseline('pain', 6, 4.3).meaningful, false);
});

test('RMDQ: 5 points either way', () => {
  assert.equal(changeSinceBaseline('rmdq', 12, 7).meaningful, true);
  assert.equal(changeSinceBaseline('rmdq', 12, 8).meaningful, false);
  assert.equal(changeSinceBaseline('rmdq', 4, 9).meaningful, true);
  assert.equal(changeSinceBaseline('rmdq', 4, 9).direction, 'worse');
});

test('PEG and PSS-4 show change without a verdict', () => {
  const c = changeSinceBaseline('peg', 6, 3);
  assert.equal(c.delta, -3);
  assert.equal(c.meaningful, null);
  assert.equal(changeSinceBaseline('pss4', 8, 8).direction, 'unchanged');
});
