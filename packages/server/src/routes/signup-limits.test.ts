import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { testApp, type TestApp } from '../testing/test-app.js';

const signup = (
  t: TestApp,
  ip: string,
  password = 'a long enough password',
  email = `${randomUUID()}@example.org`,
) =>
  t.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password, timeZone: 'UTC' }),
  });
const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

describe('sign-up limits', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp('pglite', { trustProxy: true, signupLimit: true });
  });
  after(() => t.close());

  test('one address may make 20 accounts an hour; then it waits, and other addresses do not', async () => {
    for (let i = 0; i < 21; i++) assert.equal((await signup(t, '10.9.0.1')).status, 201, `sign-up ${i + 1}`);
    const refused = await signup(t, '10.9.0.1');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '60');
    assert.match((await errorOf(refused)).message, /Too many new accounts from this network/);
    assert.equal((await signup(t, '10.9.0.2')).status, 201);
    t.clock.set('2026-03-10T13:30:00Z');
    assert.equal((await signup(t, '10.9.0.1')).status, 201, 'forgotten after an hour');
    t.clock.set('2026-03-10T12:00:00Z');
  });

  test('common and trivially repetitive passwords are refused, for sign-up and for a new password', async () => {
    for (const password of ['aaaaaaaaaa', '1234567890', 'password123', 'qwertyuiop', 'abcabcabcabc']) {
      const res = await signup(t, '10.9.1.1', password);
      assert.equal(res.status, 422, password);
      const error = await errorOf(res);
      assert.equal(error.code, 'weak_password');
      assert.match(error.fields?.password ?? '', /too common or too easy to guess/);
    }
    const user = await t.newUser();
    const change = await user.call('/api/me/password', {
      json: { currentPassword: user.password, newPassword: 'iloveyou12' },
    });
    assert.equal(change.status, 422);
    assert.match((await errorOf(change)).fields?.newPassword ?? '', /too common/);
    assert.equal((await signup(t, '10.9.1.1', 'sunlit otter pebble')).status, 201, 'unrelated words pass');
  });
});

describe('sign-up that does not tell whether an email has an account', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp('pglite', { trustProxy: true, hideAccountExistence: true });
  });
  after(() => t.close());

  test('a taken email gets an answer that does not say it is taken', async () => {
    const user = await t.newUser();
    const res = await signup(t, '10.9.2.1', 'another long password', user.email);
    assert.equal(res.status, 409);
    const error = await errorOf(res);
    assert.equal(error.code, 'signup_refused');
    assert.equal(error.fields, undefined);
    assert.doesNotMatch(error.message, /already exists|registered|taken/);
  });
});
