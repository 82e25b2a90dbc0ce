import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXERCISE_SAFETY, EXERCISE_VARIANT_IDS, EXERCISE_VARIANTS, STEP_ILLUSTRATIONS } from './variants.js';

test('steps follow program.md section 3, in order', () => {
  assert.deepEqual(
    EXERCISE_VARIANTS.chair.steps.map((s) => s.id),
    ['sit-forward', 'arms-forward', 'lean-back'],
  );
  assert.deepEqual(
    EXERCISE_VARIANTS.floor.steps.map((s) => s.id),
    ['sit-tall', 'knees-up', 'hold-shins', 'balance'],
  );
});

test('the chair steps keep the essentials: front edge, arms forward, lean back without touching', () => {
  const [sit, arms, lean] = EXERCISE_VARIANTS.chair.steps;
  assert.match(sit?.text ?? '', /front edge/);
  assert.match(arms?.text ?? '', /arms straight/);
  assert.match(lean?.text ?? '', /stop before you touch it/);
});

test('each variant holds exactly once, at its last step', () => {
  for (const id of EXERCISE_VARIANT_IDS) {
    const steps = EXERCISE_VARIANTS[id].steps;
    assert.deepEqual(
      steps.map((s) => s.hold),
      steps.map((_, i) => i === steps.length - 1),
      id,
    );
  }
});

test('variant records are keyed by their own id and use their own boat drawing', () => {
  for (const id of EXERCISE_VARIANT_IDS) {
    assert.equal(EXERCISE_VARIANTS[id].id, id);
    assert.equal(EXERCISE_VARIANTS[id].illustration, `boat-${id}`);
  }
});

test('every step has its own drawing, drawn for its variant, and every drawing is used', () => {
  const used = EXERCISE_VARIANT_IDS.flatMap((id) =>
    EXERCISE_VARIANTS[id].steps.map((s) => {
      assert.ok(s.illustration.startsWith(`${id}-`), `${id}/${s.id} uses ${s.illustration}`);
      return s.illustration;
    }),
  );
  assert.deepEqual([...used].sort(), [...STEP_ILLUSTRATIONS].sort());
});

test('spoken cues are short enough to follow while moving (at most 10 words)', () => {
  for (const id of EXERCISE_VARIANT_IDS) {
    for (const s of EXERCISE_VARIANTS[id].steps) {
      const words = s.cue.split(/\s+/).length;
      assert.ok(words <= 10, `${id}/${s.id}: ${words} words`);
      assert.ok(s.text.length > s.cue.length, `${id}/${s.id}: the text explains more than the cue`);
    }
  }
});

test('the safety text says to stop on sharp or spreading pain', () => {
  assert.match(EXERCISE_SAFETY.beforeYouStart, /sharp pain/i);
  assert.match(EXERCISE_SAFETY.beforeYouStart, /spreads/);
  assert.match(EXERCISE_SAFETY.beforeYouStart, /stop at once/);
  assert.match(EXERCISE_SAFETY.stopButton, /sharp or spreading pain/);
  assert.match(EXERCISE_SAFETY.afterStopForPain, /safety questions again/);
  assert.match(EXERCISE_SAFETY.pauseRule, /twice within a week/);
});
