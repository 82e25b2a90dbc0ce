import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlainNumber } from './plain-number';

test('plain decimals are read, with a point or a comma', () => {
  assert.equal(parsePlainNumber('7'), 7);
  assert.equal(parsePlainNumber(' 7.5 '), 7.5);
  assert.equal(parsePlainNumber('7,5'), 7.5);
  assert.equal(parsePlainNumber('0'), 0);
  assert.equal(parsePlainNumber('-3'), -3);
});

test('what Number() would stretch to a number is refused', () => {
  for (const text of ['1e1', '0x10', '7.5.1', '', ' ', 'Infinity', '.5', '5.', '1_000', '+5', '7 5']) {
    assert.ok(Number.isNaN(parsePlainNumber(text)), JSON.stringify(text));
  }
});
