import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progress } from './instrument.js';
import { INSTRUMENTS, INSTRUMENT_IDS, enabledInstruments, isInstrumentId } from './registry.js';

test('every instrument is registered under its own id with unique item ids', () => {
  for (const id of INSTRUMENT_IDS) {
    const inst = INSTRUMENTS[id];
    assert.equal(inst.id, id);
    assert.equal(new Set(inst.items.map((i) => i.id)).size, inst.items.length, id);
    assert.ok(inst.licence.note.length > 0 && inst.licence.citation.length > 0, id);
  }
  assert.equal(isInstrumentId('rmdq'), true);
  assert.equal(isInstrumentId('toString'), false);
});

test('only licence-restricted instruments can be switched off by configuration', () => {
  const all = enabledInstruments({ disabled: [] });
  assert.deepEqual(all, { ok: true, enabled: INSTRUMENT_IDS });
  const noLicensed = enabledInstruments({ disabled: ['rmdq', 'start_back'] });
  assert.deepEqual(noLicensed, { ok: true, enabled: ['pain_nrs', 'peg', 'pss4', 'pss10'] });
  const wrong = enabledInstruments({ disabled: ['pain_nrs', 'rmdq'] });
  assert.equal(wrong.ok, false);
  if (!wrong.ok) assert.deepEqual(wrong.error.ids, ['pain_nrs']);
});

test('progress tells how far a partial response got and where to resume', () => {
  const { pss4 } = INSTRUMENTS;
  assert.deepEqual(progress(pss4, {}), {
    answered: 0,
    total: 4,
    fraction: 0,
    complete: false,
    nextItemId: 'pss4_1',
  });
  assert.deepEqual(progress(pss4, { pss4_1: 2, pss4_3: 1 }), {
    answered: 2,
    total: 4,
    fraction: 0.5,
    complete: false,
    nextItemId: 'pss4_2',
  });
  // An out-of-range value does not count as answered.
  assert.equal(progress(pss4, { pss4_1: 9 }).answered, 0);
  const done = progress(pss4, { pss4_1: 0, pss4_2: 1, pss4_3: 2, pss4_4: 3 });
  assert.equal(done.complete, true);
  assert.equal(done.nextItemId, null);
  // A partial response resumed and finished scores like one answered in a single go.
  assert.deepEqual(pss4.score({ pss4_1: 0, pss4_2: 1, pss4_3: 2, pss4_4: 3 }), {
    ok: true,
    value: { total: 8 },
  });
});
