import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SITTING_RULE_IDS, SITTING_RULES } from './sitting-rules.js';

test('the six sitting rules of the method, in its order, with stable ids', () => {
  assert.deepEqual(SITTING_RULE_IDS, [
    'feet-flat',
    'sit-forward',
    'standing-desk',
    'walking-breaks',
    'no-leaning-back',
    'no-reaching-forward',
  ]);
});

test('each rule is a short sentence with a reason', () => {
  for (const r of SITTING_RULES) {
    assert.ok(r.title.length <= 60 && r.title.endsWith('.'), r.id);
    assert.ok(r.why.length > 20 && r.why.endsWith('.'), r.id);
  }
});
