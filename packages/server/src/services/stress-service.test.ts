import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Reflection, StressOverview, StressSession } from '@hipwise/core';
import { type TestUser, describeOnEachStore } from '../testing/test-app.js';

const SESSION = {
  plannedMinutes: 2,
  durationSeconds: 120,
  inhaleSeconds: 5,
  exhaleSeconds: 5,
  stressBefore: 7,
  stressAfter: 4,
};

const practice = (user: TestUser, body: unknown, key: string = randomUUID()) =>
  user.call('/api/stress/sessions', { json: body, headers: { 'idempotency-key': key } });

describeOnEachStore('stress practice and reflections', (t) => {
  test('a practice session is stored once per key and listed newest first', async () => {
    const user = await t.newUser();
    const key = randomUUID();
    const first = await practice(user, SESSION, key);
    assert.equal(first.status, 201);
    const { session } = (await first.json()) as { session: StressSession };
    assert.deepEqual(
      { ...session, id: '', createdAt: '' },
      { ...SESSION, id: '', createdAt: '', date: '2026-03-10' },
    );
    const retry = await practice(user, SESSION, key);
    assert.deepEqual(((await retry.json()) as { session: StressSession }).session.id, session.id);
    const reuse = await practice(user, { ...SESSION, stressAfter: 1 }, key);
    assert.equal(reuse.status, 422);
    t.clock.set('2026-03-10T12:05:00Z');
    await practice(user, { ...SESSION, durationSeconds: 30, inhaleSeconds: 4.5, stressAfter: 6 });
    const overview = (await (await user.call('/api/stress')).json()) as StressOverview;
    assert.deepEqual(
      overview.recentSessions.map((s) => [s.durationSeconds, s.inhaleSeconds]),
      [
        [30, 4.5],
        [120, 5],
      ],
    );
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('invalid sessions are refused with the field named; a key is required', async () => {
    const user = await t.newUser();
    const res = await practice(user, { ...SESSION, stressAfter: 12, durationSeconds: 500 });
    assert.equal(res.status, 422);
    const err = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.ok(err.error.fields['stressAfter']);
    assert.ok(err.error.fields['durationSeconds']);
    const noKey = await user.call('/api/stress/sessions', { json: SESSION });
    assert.equal(noKey.status, 400);
    const overview = (await (await user.call('/api/stress')).json()) as StressOverview;
    assert.deepEqual(overview.recentSessions, []);
  });

  test("the week's rule of thumb is stored per week and can be changed; others never see it", async () => {
    const user = await t.newUser();
    const other = await t.newUser();
    const empty = (await (await user.call('/api/stress')).json()) as StressOverview;
    assert.equal(empty.reflection, null);
    assert.equal(empty.weekStart, '2026-03-09'); // 2026-03-10 is a Tuesday
    const put = (body: unknown) => user.call('/api/stress/reflection', { method: 'PUT', json: body });
    assert.equal((await put({ ruleId: 'simplify', note: 'one calendar, not three' })).status, 201);
    const changed = await put({ ruleId: 'own-less' });
    assert.equal(changed.status, 200);
    assert.deepEqual(
      (({ weekStart, ruleId, note }: Reflection) => ({ weekStart, ruleId, note }))(
        ((await changed.json()) as { reflection: Reflection }).reflection,
      ),
      { weekStart: '2026-03-09', ruleId: 'own-less', note: null },
    );
    assert.equal((await put({ ruleId: 'get-rich' })).status, 422);
    assert.equal(((await (await other.call('/api/stress')).json()) as StressOverview).reflection, null);
    t.clock.set('2026-03-16T09:00:00Z');
    assert.equal(((await (await user.call('/api/stress')).json()) as StressOverview).reflection, null);
    t.clock.set('2026-03-10T12:00:00Z');
  });
});
