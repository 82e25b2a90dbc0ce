import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../logger.js';
import { accept, invite, newAdmin } from '../testing/practice.js';
import { checkinCall, testApp } from '../testing/test-app.js';

test('request logs record each request but never passwords, cookies, tokens, invitation codes or health data', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const t = await testApp('pglite', { log: createLogger('info', sink) });
  try {
    const user = await t.newUser({ password: 'hunter2-but-longer' });
    await checkinCall(user, { pain: 7, stress: 3, note: 'very private note' });
    await user.call('/api/checkins?from=2026-03-01&to=2026-03-10');
    await t.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: 'wrong-password-here' }),
    });
    const code = await invite(await newAdmin(t), 'clinician');
    assert.equal((await user.call(`/api/invitations/${code}`)).status, 200);
    await accept(user, code.toLowerCase());
    assert.equal((await user.call('/api/invitations/ABCD-EFGH-JKMN')).status, 404);
    const log = lines.join('');
    assert.match(log, /"path":"\/api\/checkins","status":201/);
    assert.match(log, /"path":"\/api\/invitations\/:code\/accept","status":200/);
    assert.match(log, /"path":"\/api\/auth\/login","status":401/);
    const token = user.cookie.split('=')[1] ?? '';
    for (const secret of [
      'hunter2-but-longer',
      'wrong-password-here',
      token,
      'very private note',
      'from=2026',
      code,
      code.toLowerCase(),
      'ABCD-EFGH-JKMN',
    ]) {
      assert.ok(!log.includes(secret), `the log contains ${secret}`);
    }
  } finally {
    await t.close();
  }
});

test('redaction hides secrets even if a caller logs them by mistake', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  createLogger('info', sink).info(
    { body: { password: 'p4ssw0rd!' }, headers: { cookie: 'hipwise_session=abc' } },
    'oops',
  );
  const log = lines.join('');
  assert.doesNotMatch(log, /p4ssw0rd!|hipwise_session=abc/);
  assert.match(log, /\[redacted\]/);
});
