import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCountdown, formatDuration, formatIn } from './time-format';

test('formatCountdown: minutes and two-digit seconds, rounded up, never negative', () => {
  assert.equal(formatCountdown(125_000), '2:05');
  assert.equal(formatCountdown(59_001), '1:00');
  assert.equal(formatCountdown(1), '0:01');
  assert.equal(formatCountdown(0), '0:00');
  assert.equal(formatCountdown(-3_000), '0:00');
});

test('formatDuration: minutes under an hour, hours and two-digit minutes above', () => {
  assert.equal(formatDuration(0), '0\u00a0min');
  assert.equal(formatDuration(45 * 60_000), '45\u00a0min');
  assert.equal(formatDuration(120 * 60_000), '2\u00a0h');
  assert.equal(formatDuration(125 * 60_000), '2\u00a0h\u00a005\u00a0min', 'no space to wrap at');
});

test('formatIn: whole minutes ahead, or less than a minute', () => {
  assert.equal(formatIn(20_000), 'in less than a minute');
  assert.equal(formatIn(12 * 60_000), 'in 12\u00a0min');
});
