import { test } from 'node:test';
import assert from 'node:assert/strict';
import { painNrs } from './pain-nrs.js';
import { peg } from './peg-instrument.js';

test('Pain NRS score is the number chosen, 0 to 10 whole numbers', () => {
  for (const v of [0, 5, 10]) assert.deepEqual(painNrs.score({ pain: v }), { ok: true, value: { total: v } });
  assert.equal(painNrs.score({ pain: 11 }).ok, false);
  assert.equal(painNrs.score({ pain: 4.5 }).ok, false);
  const missing = painNrs.score({});
  assert.ok(!missing.ok && missing.error.code === 'incomplete');
  assert.equal(painNrs.items[0]?.options.length, 11);
  assert.equal(painNrs.switchable, false);
});

// Krebs et al. 2009 / LOINC 91147-9: the PEG score is the mean of the three 0-10 items.
test('PEG instrument scores the mean of its three items, and needs all three', () => {
  assert.deepEqual(peg.score({ pain: 7, enjoyment: 5, activity: 3 }), { ok: true, value: { total: 5 } });
  assert.deepEqual(peg.score({ pain: 5, enjoyment: 4, activity: 4 }), { ok: true, value: { total: 4.3 } });
  const partial = peg.score({ pain: 5 });
  assert.ok(!partial.ok && partial.error.code === 'incomplete');
  if (!partial.ok && partial.error.code === 'incomplete')
    assert.deepEqual(partial.error.missing, ['enjoyment', 'activity']);
  assert.equal(peg.switchable, false);
});
