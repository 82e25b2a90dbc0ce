import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RMDQ_ITEMS, rmdq } from './rmdq.js';

function ticked(...numbers: number[]): Record<string, number> {
  const answers: Record<string, number> = {};
  RMDQ_ITEMS.forEach((item, i) => {
    answers[item.id] = numbers.includes(i + 1) ? 1 : 0;
  });
  return answers;
}

test('RMDQ has the 24 statements of the original, about today', () => {
  assert.equal(RMDQ_ITEMS.length, 24);
  assert.equal(RMDQ_ITEMS[0]?.text, 'I stay at home most of the time because of my back.');
  assert.equal(RMDQ_ITEMS[23]?.text, 'I stay in bed most of the time because of my back.');
  assert.equal(new Set(RMDQ_ITEMS.map((i) => i.id)).size, 24);
});

// Worked examples from the instrument's documentation: "The score of the RDQ is the total number
// of items checked, i.e. from a minimum of 0 to a maximum of 24" (Roland & Morris 1983, note to users).
test('RMDQ score is the number of statements ticked, 0 to 24', () => {
  assert.deepEqual(rmdq.score(ticked()), { ok: true, value: { total: 0 } });
  assert.deepEqual(rmdq.score(ticked(...Array.from({ length: 24 }, (_, i) => i + 1))), {
    ok: true,
    value: { total: 24 },
  });
  // Patient example (yhocphuchoi.com): 12 at the start of treatment and 2 at the end.
  assert.deepEqual(rmdq.score(ticked(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), {
    ok: true,
    value: { total: 12 },
  });
  assert.deepEqual(rmdq.score(ticked(2, 13)), { ok: true, value: { total: 2 } });
});

test('RMDQ is scored only when every statement has an answer', () => {
  const answers = ticked(1, 2, 3);
  delete answers.rmdq_24;
  delete answers.rmdq_10;
  const result = rmdq.score(answers);
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.error.code, 'incomplete');
    if (result.error.code === 'incomplete') assert.deepEqual(result.error.missing, ['rmdq_10', 'rmdq_24']);
  }
});

test('RMDQ rejects answers that are not a tick or no tick, and unknown items', () => {
  const bad = rmdq.score({ ...ticked(), rmdq_05: 2 });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.error.code, 'invalid_answer');
  const unknown = rmdq.score({ ...ticked(), rmdq_25: 1 });
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.equal(unknown.error.code, 'unknown_item');
});

test('RMDQ is switchable and carries its licence note', () => {
  assert.equal(rmdq.switchable, true);
  assert.match(rmdq.licence.note, /non-commercial/);
});
