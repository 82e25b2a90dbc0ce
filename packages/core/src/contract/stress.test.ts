import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reflectionBody, stressSessionBody } from './stress.js';

const good = {
  plannedMinutes: 3,
  durationSeconds: 180,
  inhaleSeconds: 5,
  exhaleSeconds: 5,
  stressBefore: 7,
  stressAfter: 4,
};

test('a practice session within the bounds is accepted; one stopped early too', () => {
  assert.equal(stressSessionBody.safeParse(good).success, true);
  assert.equal(
    stressSessionBody.safeParse({ ...good, durationSeconds: 42, inhaleSeconds: 4.5 }).success,
    true,
  );
});

test('out-of-range or inconsistent sessions are refused, naming the field', () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ plannedMinutes: 6, durationSeconds: 60 }, 'plannedMinutes'],
    [{ durationSeconds: 181 }, 'durationSeconds'],
    [{ durationSeconds: 0 }, 'durationSeconds'],
    [{ inhaleSeconds: 4.2 }, 'inhaleSeconds'],
    [{ exhaleSeconds: 11 }, 'exhaleSeconds'],
    [{ stressAfter: 11 }, 'stressAfter'],
    [{ stressBefore: undefined }, 'stressBefore'],
  ];
  for (const [patch, field] of cases) {
    const r = stressSessionBody.safeParse({ ...good, ...patch });
    assert.equal(r.success, false, JSON.stringify(patch));
    if (!r.success)
      assert.ok(
        r.error.issues.some((i) => i.path[0] === field),
        JSON.stringify(r.error.issues),
      );
  }
  assert.equal(stressSessionBody.safeParse({ ...good, userId: 'x' }).success, false);
});

test('a reflection names one of the rules of thumb and may carry a note', () => {
  assert.equal(reflectionBody.safeParse({ ruleId: 'simplify' }).success, true);
  assert.deepEqual(reflectionBody.parse({ ruleId: 'own-less', note: '  fewer apps  ' }), {
    ruleId: 'own-less',
    note: 'fewer apps',
  });
  assert.equal(reflectionBody.safeParse({ ruleId: 'be-rich' }).success, false);
  assert.equal(reflectionBody.safeParse({ ruleId: 'simplify', note: 'x'.repeat(1001) }).success, false);
});
