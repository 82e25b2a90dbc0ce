import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pegScore } from './peg.js';

// Worked examples: the PEG score is the arithmetic mean of its three items (Krebs et al. 2009).
test('PEG is the mean of its three items', () => {
  assert.equal(pegScore({ pain: 6, enjoyment: 6, activity: 6 }), 6);
  assert.equal(pegScore({ pain: 7, enjoyment: 5, activity: 3 }), 5);
  assert.equal(pegScore({ pain: 0, enjoyment: 0, activity: 0 }), 0);
  assert.equal(pegScore({ pain: 10, enjoyment: 10, activity: 10 }), 10);
});

test('PEG rounds to one decimal', () => {
  assert.equal(pegScore({ pain: 5, enjoyment: 4, activity: 4 }), 4.3);
  assert.equal(pegScore({ pain: 2, enjoyment: 3, activity: 3 }), 2.7);
});
