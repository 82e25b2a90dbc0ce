import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXERCISE_SAFETY, EXERCISE_VARIANTS, guidedSession } from '@hipwise/core';
import { holdStepOf, phaseCue, phaseKey } from './phase-cue';

const info = EXERCISE_VARIANTS.chair;
const plan: guidedSession.SessionPlan = {
  variant: 'chair',
  sets: 3,
  holdSeconds: 10,
  stepCount: info.steps.length,
};
const state = (phase: guidedSession.Phase, stoppedEarly: 'none' | 'pain' | 'other' = 'none') => ({
  ...guidedSession.initialState,
  phase,
  stoppedEarly,
});

test('the phase key changes with the step, the set and the phase, not with the time a phase started', () => {
  assert.equal(phaseKey({ kind: 'step', index: 2 }), 'step:2');
  assert.equal(
    phaseKey({ kind: 'hold', set: 1, startedAt: 5 }),
    phaseKey({ kind: 'hold', set: 1, startedAt: 99 }),
  );
  assert.notEqual(
    phaseKey({ kind: 'hold', set: 1, startedAt: 5 }),
    phaseKey({ kind: 'countdown', set: 1, startedAt: 5 }),
  );
  assert.equal(phaseKey({ kind: 'rest', afterSet: 0, startedAt: 5 }), 'rest:0');
  assert.equal(phaseKey({ kind: 'ended' }), 'ended');
});

test('each phase has its cue: the step, the set number, the hold position, the rest', () => {
  assert.equal(phaseCue(state({ kind: 'step', index: 0 }), plan, info), info.steps[0]?.cue);
  assert.equal(
    phaseCue(state({ kind: 'countdown', set: 1, startedAt: 0 }), plan, info),
    'Set 2 of 3. Get into position. The hold starts in 5\u00a0seconds.',
  );
  assert.equal(
    phaseCue(state({ kind: 'hold', set: 0, startedAt: 0 }), plan, info),
    `Hold. ${holdStepOf(info)?.cue}`,
  );
  assert.equal(
    phaseCue(state({ kind: 'rest', afterSet: 0, startedAt: 0 }), plan, info),
    'Well done. Rest for 30\u00a0seconds.',
  );
  assert.equal(phaseCue(state({ kind: 'pain-after' }), plan, info), 'Well done. How is your back now?');
});

test('only a stop for pain is spoken at the end; pain before is silent', () => {
  assert.equal(phaseCue(state({ kind: 'ended' }, 'pain'), plan, info), EXERCISE_SAFETY.cueStop);
  assert.equal(phaseCue(state({ kind: 'ended' }, 'other'), plan, info), undefined);
  assert.equal(phaseCue(state({ kind: 'pain-before' }), plan, info), undefined);
});

test('the hold step is the one marked as the hold', () => {
  const step = holdStepOf(info);
  assert.ok(step?.hold, 'the chair version marks its hold step');
});
