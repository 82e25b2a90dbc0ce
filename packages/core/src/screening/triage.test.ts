import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_RED_FLAG_IDS,
  RED_FLAG_IDS,
  RED_FLAG_QUESTIONS,
  redFlagQuestion,
  type RedFlagId,
} from './red-flags.js';
import {
  answersCurrentQuestions,
  flaggedQuestions,
  OUTCOME_ADVICE,
  triage,
  type RedFlagAnswers,
  type ScreeningOutcome,
} from './triage.js';

function answers(yes: RedFlagId[] = []): RedFlagAnswers {
  return Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)])) as RedFlagAnswers;
}

// clinical.md, "Red flags", one row per flag it lists, with the outcome it gives alone.
const RULEBOOK: Array<[RedFlagId, ScreeningOutcome, RegExp]> = [
  ['saddle_numbness', 'emergency', /saddle area/],
  ['bladder_bowel', 'emergency', /passing urine.*incontinence/],
  ['sexual_dysfunction', 'emergency', /sexual/],
  ['leg_weakness_new', 'emergency', /getting worse.*new pain or numbness in both legs/],
  ['fever_unwell', 'same_day', /fever.*generally unwell/],
  ['infection_risk', 'same_day', /new.*infection.*injected drugs.*weakened immune system/],
  ['trauma', 'same_day', /significant fall or accident/],
  ['minor_trauma_fragile', 'same_day', /minor fall.*osteoporosis.*steroid/],
  ['age_onset_50', 'see_clinician', /before you were 20 or after you were 50/],
  ['cancer_history', 'see_clinician', /cancer/],
  ['weight_loss', 'see_clinician', /lost weight/],
  ['osteoporosis', 'see_clinician', /osteoporosis/],
  ['steroids_long_term', 'see_clinician', /steroid.*long-term/],
  ['night_pain', 'see_clinician', /constant.*night.*rest/],
  ['thoracic_pain', 'see_clinician', /upper or middle back/],
  ['pregnancy_surgery', 'see_clinician', /pregnant.*back surgery/],
];

test('no flags is clear and allows exercise', () => {
  assert.equal(triage(answers()), 'clear');
  assert.equal(OUTCOME_ADVICE.clear.exerciseAllowed, true);
});

test('the question list is exactly the rulebook, in its order', () => {
  assert.deepEqual(
    RED_FLAG_QUESTIONS.map((q) => q.id),
    RULEBOOK.map(([id]) => id),
  );
});

for (const [id, outcome, wording] of RULEBOOK) {
  test(`${id} alone gives ${outcome}`, () => {
    assert.equal(triage(answers([id])), outcome);
    assert.match(redFlagQuestion(id).text, wording);
  });
}

test('most severe wins: emergency over same day over soon', () => {
  assert.equal(triage(answers(['cancer_history', 'fever_unwell', 'bladder_bowel'])), 'emergency');
  assert.equal(triage(answers(['cancer_history', 'trauma'])), 'same_day');
  assert.equal(triage(answers(['cancer_history', 'night_pain'])), 'see_clinician');
  assert.deepEqual(
    flaggedQuestions(answers(['night_pain', 'trauma', 'cancer_history', 'bladder_bowel'])).map((q) => q.id),
    ['bladder_bowel', 'trauma', 'cancer_history', 'night_pain'],
  );
});

test('each outcome says plainly what to do', () => {
  assert.match(OUTCOME_ADVICE.emergency.whatToDo, /Go to an emergency department now/);
  assert.match(OUTCOME_ADVICE.same_day.title, /today/);
  assert.match(OUTCOME_ADVICE.same_day.whatToDo, /Be seen by a doctor today/);
  assert.match(OUTCOME_ADVICE.see_clinician.whatToDo, /Book an appointment/);
});

test('only the clear outcome allows exercise; a clearance can unlock soon and same day, never an emergency', () => {
  assert.deepEqual(
    Object.entries(OUTCOME_ADVICE).map(([o, a]) => [o, a.exerciseAllowed, a.clearanceAllowed]),
    [
      ['clear', true, false],
      ['see_clinician', false, true],
      ['same_day', false, true],
      ['emergency', false, false],
    ],
  );
});

test('old screenings read as they were asked: retired ids keep their wording and urgency', () => {
  const old = { saddle_numbness: false, leg_weakness: true, age_onset: true, immunosuppression: false };
  assert.deepEqual(
    flaggedQuestions(old).map((q) => q.text),
    [
      'Is there weakness in your legs that is getting worse, or pain or numbness in both legs?',
      'Did this back pain first start before you were 20 or after you were 55?',
    ],
  );
  assert.equal(triage(old), 'emergency');
  assert.equal(triage({ immunosuppression: true }), 'see_clinician');
  assert.equal(answersCurrentQuestions(old), false);
  assert.equal(answersCurrentQuestions(answers()), true);
});

test('question ids are unique across current and retired questions', () => {
  assert.equal(new Set(ALL_RED_FLAG_IDS).size, ALL_RED_FLAG_IDS.length);
});
