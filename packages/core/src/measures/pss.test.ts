import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PSS10_ITEMS, PSS4_ITEMS, pss10, pss4 } from './pss.js';

function answers(ids: readonly { id: string }[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(ids.map((it, i) => [it.id, values[i] ?? 0]));
}

// Cohen's scoring page: "PSS-4 scores are obtained by reverse coding items # 2 and 3" (0=4, 1=3 ...).
test('PSS-4 reverse-scores items 2 and 3 and sums to 0-16', () => {
  assert.deepEqual(pss4.score(answers(PSS4_ITEMS, [0, 4, 4, 0])), { ok: true, value: { total: 0 } });
  assert.deepEqual(pss4.score(answers(PSS4_ITEMS, [4, 0, 0, 4])), { ok: true, value: { total: 16 } });
  // All "never": items 2 and 3 reverse to 4 each.
  assert.deepEqual(pss4.score(answers(PSS4_ITEMS, [0, 0, 0, 0])), { ok: true, value: { total: 8 } });
  // 3 + (4-1) + (4-2) + 1 = 9
  assert.deepEqual(pss4.score(answers(PSS4_ITEMS, [3, 1, 2, 1])), { ok: true, value: { total: 9 } });
  assert.deepEqual(pss4.range, [0, 16]);
});

// Cohen's scoring page: "Items 4, 5, 7, and 8 are the positively stated items" (PSS-10, 0-40).
test('PSS-10 reverse-scores items 4, 5, 7 and 8 and sums to 0-40', () => {
  assert.deepEqual(pss10.score(answers(PSS10_ITEMS, [4, 4, 4, 0, 0, 4, 0, 0, 4, 4])), {
    ok: true,
    value: { total: 40 },
  });
  assert.deepEqual(pss10.score(answers(PSS10_ITEMS, [0, 0, 0, 4, 4, 0, 4, 4, 0, 0])), {
    ok: true,
    value: { total: 0 },
  });
  // All "never" -> only the four reversed items count, 4 each.
  assert.deepEqual(pss10.score(answers(PSS10_ITEMS, Array(10).fill(0))), { ok: true, value: { total: 16 } });
  // 2+3+1+(4-2)+(4-1)+2+(4-3)+(4-2)+1+0 = 17
  assert.deepEqual(pss10.score(answers(PSS10_ITEMS, [2, 3, 1, 2, 1, 2, 3, 2, 1, 0])), {
    ok: true,
    value: { total: 17 },
  });
});

test('PSS reverse flags follow the published item numbers', () => {
  assert.deepEqual(
    PSS4_ITEMS.map((i) => i.reversed),
    [false, true, true, false],
  );
  assert.deepEqual(
    PSS10_ITEMS.flatMap((it, i) => (it.reversed ? [i + 1] : [])),
    [4, 5, 7, 8],
  );
  assert.match(PSS4_ITEMS[2]?.text ?? '', /things were going your way/);
});

test('PSS needs every item, each 0-4', () => {
  const r = pss4.score({ pss4_1: 1, pss4_2: 2, pss4_3: 3 });
  assert.equal(r.ok, false);
  if (!r.ok && r.error.code === 'incomplete') assert.deepEqual(r.error.missing, ['pss4_4']);
  else assert.fail('expected incomplete');
  const bad = pss4.score({ pss4_1: 5, pss4_2: 2, pss4_3: 3, pss4_4: 0 });
  assert.equal(bad.ok, false);
});
