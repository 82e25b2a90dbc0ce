import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  START_BACK_ITEMS,
  START_BACK_PSYCHOSOCIAL,
  startBack,
  startBackRisk,
  type StartBackTopic,
} from './start-back.js';

type Answers = Record<StartBackTopic, number>;
const none: Answers = {
  leg_pain: 0,
  shoulder_neck_pain: 0,
  walking: 0,
  dressing: 0,
  fear: 0,
  anxiety: 0,
  catastrophising: 0,
  low_mood: 0,
  bothersomeness: 0,
};

function scored(a: Partial<Answers>) {
  const r = startBack.score({ ...none, ...a });
  assert.ok(r.ok, 'expected a score');
  return r.value;
}

test('STarT Back has the 9 Keele items, the last rated on five levels', () => {
  assert.equal(START_BACK_ITEMS.length, 9);
  assert.equal(START_BACK_ITEMS[8]?.options.length, 5);
  assert.deepEqual([...START_BACK_PSYCHOSOCIAL].sort(), [
    'anxiety',
    'bothersomeness',
    'catastrophising',
    'fear',
    'low_mood',
  ]);
});

// Worked examples from Keele's scoring guide: total 0-3 -> low; total >= 4 and subscale <= 3 ->
// medium; subscale 4 or 5 -> high. Bothersomeness counts only for "very much"/"extremely".
test('STarT Back: physical items only give at most medium risk', () => {
  const r = scored({ leg_pain: 1, shoulder_neck_pain: 1, walking: 1, dressing: 1 });
  assert.deepEqual(r, { total: 4, psychosocial: 0, risk: 'medium' });
});

test('STarT Back: total of 3 is low risk even when all three are psychosocial', () => {
  assert.deepEqual(scored({ fear: 1, anxiety: 1, low_mood: 1 }), { total: 3, psychosocial: 3, risk: 'low' });
});

test('STarT Back: psychosocial subscale of 4 or more is high risk', () => {
  assert.deepEqual(scored({ fear: 1, anxiety: 1, catastrophising: 1, low_mood: 1 }), {
    total: 4,
    psychosocial: 4,
    risk: 'high',
  });
  assert.deepEqual(
    scored({
      leg_pain: 1,
      shoulder_neck_pain: 1,
      walking: 1,
      dressing: 1,
      fear: 1,
      anxiety: 1,
      catastrophising: 1,
      low_mood: 1,
      bothersomeness: 4,
    }),
    { total: 9, psychosocial: 5, risk: 'high' },
  );
});

test('STarT Back: bothersomeness scores 1 only for "very much" and "extremely"', () => {
  const base = { leg_pain: 1, walking: 1, fear: 1, anxiety: 1, catastrophising: 1 };
  assert.deepEqual(scored({ ...base, bothersomeness: 2 }), { total: 5, psychosocial: 3, risk: 'medium' });
  assert.deepEqual(scored({ ...base, bothersomeness: 3 }), { total: 6, psychosocial: 4, risk: 'high' });
  assert.equal(scored({ bothersomeness: 1 }).total, 0);
  assert.equal(scored({ bothersomeness: 4 }).total, 1);
});

test('STarT Back scores by topic, whatever order the answers come in', () => {
  const reversed = Object.fromEntries(
    Object.entries({ ...none, low_mood: 1, fear: 1, dressing: 1, bothersomeness: 3 }).reverse(),
  );
  const r = startBack.score(reversed);
  assert.deepEqual(r, { ok: true, value: { total: 4, psychosocial: 3, risk: 'medium' } });
});

test('STarT Back risk rule at its boundaries', () => {
  assert.equal(startBackRisk(3, 3), 'low');
  assert.equal(startBackRisk(4, 3), 'medium');
  assert.equal(startBackRisk(4, 4), 'high');
  assert.equal(startBackRisk(9, 5), 'high');
});

test('STarT Back needs all nine answers and only listed values', () => {
  const { bothersomeness: _b, ...partial } = none;
  const r = startBack.score(partial);
  assert.equal(r.ok, false);
  if (!r.ok && r.error.code === 'incomplete') assert.deepEqual(r.error.missing, ['bothersomeness']);
  else assert.fail('expected incomplete');
  const bad = startBack.score({ ...none, fear: 3 });
  assert.equal(bad.ok, false);
  assert.equal(startBack.switchable, true);
  assert.match(startBack.licence.note, /Keele University/);
});
