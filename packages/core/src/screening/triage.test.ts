import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RED_FLAG_IDS, RED_FLAG_QUESTIONS, type RedFlagId } from './red-flags.js';
import { flaggedQuestions, OUTCOME_ADVICE, triage, type RedFlagAnswers } from './triage.js';

function answers(yes: RedFlagId[] = []): RedFlagAnswers {
  return Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)])) as RedFlagAnswers;
}

test('no flags is clear and allows exercise', () => {
  assert.equal(triage(answers()), 'clear');
  assert.equal(OUTCOME_ADVICE.clear.exerciseAllowed, true);
});

test('every emergency flag alone gives emergency', () => {
  const emergency = RED_FLAG_QUESTIONS.filter((q) => q.severity === 'emergency');
  assert.equal(emergency.length, 4);
  for (const q of emergency) assert.equal(triage(answers([q.id])), 'emergency', q.id);
});

test('every clinician flag alone gives see_clinician', () => {
  const clinician = RED_FLAG_QUESTIONS.filter((q) => q.severity === 'clinician');
  assert.equal(clinician.length, 9);
  for (const q of clinician) assert.equal(triage(answers([q.id])), 'see_clinician', q.id);
});

test('an emergency flag outranks clinician flags', () => {
  assert.equal(triage(answers(['trauma', 'night_pain', 'bladder_bowel'])), 'emergency');
  assert.deepEqual(
    flaggedQuestions(answers(['trauma', 'bladder_bowel'])).map((q) => q.id),
    ['bladder_bowel', 'trauma'],
  );
});

test('only the clear outcome allows exercise', () => {
  assert.equal(OUTCOME_ADVICE.see_clinician.exerciseAllowed, false);
  assert.equal(OUTCOME_ADVICE.emergency.exerciseAllowed, false);
});

test('question ids are unique', () => {
  assert.equal(new Set(RED_FLAG_IDS).size, RED_FLAG_IDS.length);
});
