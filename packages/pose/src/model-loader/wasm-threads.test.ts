import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wasmThreadsFor } from './wasm-threads.js';

test('wasmThreadsFor: 2 threads from 2 logical CPUs up, half of them above 4, never more than 4', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 8, 12, 16, 64, Number.NaN].map(wasmThreadsFor),
    [1, 1, 2, 2, 2, 2, 3, 4, 4, 4, 4, 1],
  );
});
