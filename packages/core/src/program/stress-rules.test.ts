import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRESS_RULE_IDS, STRESS_RULES } from './stress-rules.js';

test('the six stress rules of thumb of the method, with stable ids', () => {
  assert.deepEqual(STRESS_RULE_IDS, [
    'simplify',
    'own-less',
    'your-happiness-first',
    'weigh-opinions',
    'your-life',
    'live-and-let-live',
  ]);
});

test('each rule has a title and a sentence of explanation', () => {
  for (const r of STRESS_RULES) {
    assert.ok(r.title.length > 0 && !r.title.endsWith('.'), r.id);
    assert.ok(r.text.length > 20 && r.text.endsWith('.'), r.id);
  }
});
