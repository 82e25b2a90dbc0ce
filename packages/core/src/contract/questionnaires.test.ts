import { test } from 'node:test';
import assert from 'node:assert/strict';
import { questionnaireResponseBody, questionnaireResponseSchema } from './questionnaires.js';
import { INSTRUMENTS } from '../measures/registry.js';

test('a partial response may be saved with only some answers', () => {
  const r = questionnaireResponseBody.safeParse({
    instrumentId: 'pss4',
    answers: { pss4_1: 2 },
    completed: false,
  });
  assert.equal(r.success, true);
});

test('a completed response needs every answer, and says which are missing', () => {
  const r = questionnaireResponseBody.safeParse({
    instrumentId: 'pss4',
    answers: { pss4_1: 2, pss4_2: 1 },
    completed: true,
  });
  assert.equal(r.success, false);
  if (!r.success) {
    assert.deepEqual(
      r.error.issues.map((i) => i.path.join('.')),
      ['answers.pss4_3', 'answers.pss4_4'],
    );
  }
  const full = questionnaireResponseBody.safeParse({
    instrumentId: 'start_back',
    answers: Object.fromEntries(INSTRUMENTS.start_back.items.map((i) => [i.id, 0])),
    completed: true,
  });
  assert.equal(full.success, true);
});

test('unknown instruments, unknown items and out-of-range answers are rejected', () => {
  assert.equal(
    questionnaireResponseBody.safeParse({ instrumentId: 'odi', answers: {}, completed: false }).success,
    false,
  );
  const unknownItem = questionnaireResponseBody.safeParse({
    instrumentId: 'rmdq',
    answers: { pss4_1: 1 },
    completed: false,
  });
  assert.equal(unknownItem.success, false);
  const badValue = questionnaireResponseBody.safeParse({
    instrumentId: 'rmdq',
    answers: { rmdq_01: 3 },
    completed: false,
  });
  assert.equal(badValue.success, false);
  const extra = questionnaireResponseBody.safeParse({
    instrumentId: 'rmdq',
    answers: {},
    completed: false,
    scores: { total: 1 },
  });
  assert.equal(extra.success, false, 'clients never send scores');
});

test('a stored response carries raw answers and scores', () => {
  const stored = {
    id: 'r1',
    instrumentId: 'start_back',
    instrumentVersion: INSTRUMENTS.start_back.version,
    answers: { fear: 1 },
    completed: false,
    scores: null,
    date: '2026-03-02',
    createdAt: '2026-03-02T08:00:00Z',
    updatedAt: '2026-03-02T08:01:00Z',
    completedAt: null,
  };
  assert.equal(questionnaireResponseSchema.safeParse(stored).success, true);
  const scored = { ...stored, completed: true, scores: { total: 4, psychosocial: 4, risk: 'high' } };
  assert.equal(questionnaireResponseSchema.safeParse(scored).success, true);
  assert.equal(
    questionnaireResponseSchema.safeParse({ ...scored, scores: { total: 4, risk: 'severe' } }).success,
    false,
  );
});
