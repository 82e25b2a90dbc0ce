import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, median, pearson, ranks, spearman } from './stats.js';

test('pearson: perfect, inverse, undefined', () => {
  assert.equal(pearson([1, 2, 3, 4], [2, 4, 6, 8]), 1);
  assert.equal(pearson([1, 2, 3, 4], [8, 6, 4, 2]), -1);
  assert.equal(pearson([1, 1, 1], [1, 2, 3]), null);
  assert.equal(pearson([1], [1]), null);
});

// Textbook example: x = 1..5, y = 2,4,5,4,5 -> r = 0.7746 (sqrt(0.6)).
test('pearson matches a hand-computed example', () => {
  assert.ok(Math.abs((pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]) ?? 0) - Math.sqrt(0.6)) < 1e-12);
});

test('ranks average ties; spearman sees monotonic but non-linear links as perfect', () => {
  assert.deepEqual(ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  assert.equal(spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25]), 1);
  assert.ok((pearson([1, 2, 3, 4, 5], [1, 4, 9, 16, 100]) ?? 1) < 1);
});

test('mean and median', () => {
  assert.equal(mean([]), null);
  assert.equal(mean([1, 2, 3]), 2);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
});
