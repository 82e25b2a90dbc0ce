import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, minutes, plural, seconds, setsOfHolds } from './units.js';

test('one is singular, anything else plural, with a no-break space', () => {
  assert.equal(plural(1, 'minute'), '1\u00a0minute');
  assert.equal(plural(0, 'minute'), '0\u00a0minutes');
  assert.equal(plural(2.5, 'minute'), '2.5\u00a0minutes');
  assert.equal(plural(3, 'breath', 'breaths'), '3\u00a0breaths');
});

test('seconds and sets keep their numbers and units together', () => {
  assert.equal(seconds(10), '10\u00a0s');
  assert.equal(seconds([10, 10, 8]), '10, 10, 8\u00a0s');
  assert.equal(setsOfHolds(3, 10), '3\u00a0×\u00a010\u00a0s');
  assert.doesNotMatch(setsOfHolds(3, 10), / /, 'no breakable space');
});

test('unit symbols take no plural and keep their number; minutes are "min"', () => {
  assert.equal(measure(1, 'MB'), '1\u00a0MB');
  assert.equal(measure('05', 'min'), '05\u00a0min');
  assert.equal(minutes(1), '1\u00a0min');
  assert.equal(minutes(12), '12\u00a0min');
  assert.doesNotMatch(minutes(12), / /);
});
