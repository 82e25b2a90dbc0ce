import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVITATION_ALPHABET } from '@hipwise/core';
import { accept, invite, newAdmin } from '../testing/practice.js';
import { describeOnEachStore, type TestApp, type TestUser } from '../testing/test-app.js';

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const START = '2026-03-10T12:00:00Z';

/** A code that is well formed but was never given out. */
const wrongCode = (i: number) =>
  `WRNG-GUES-SS${INVITATION_ALPHABET[i % 31]!}${INVITATION_ALPHABET[Math.floor(i / 31) % 31]!}`;

const preview = (user: TestUser, code: string, ip: string) =>
  user.call(`/api/invitations/${code}`, { headers: from(ip) });
const acceptCode = (user: TestUser, code: string, ip: string) =>
  user.call(`/api/invitations/${code}/accept`, { json: {}, headers: from(ip) });

async function message(res: Response): Promise<string> {
  return ((await res.json()) as { error: { message: string } }).error.message;
}

/** `n` wrong codes from `user` at `ip`, half previewed and half accepted: both count. */
async function wrongTries(user: TestUser, ip: string, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await (i % 2 ? acceptCode : preview)(user, wrongCode(i), ip);
    assert.equal(res.status, 404, `wrong code ${i}: ${res.status}`);
  }
}

const later = (t: TestApp, seconds: number) =>
  t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000).toISOString());

describeOnEachStore(
  'invitation codes: the limit on wrong tries',
  (t) => {
    test('eleven wrong codes from an account lock it out for a minute, right code or not, from any address', async () => {
      t.clock.set(START);
      const admin = await newAdmin(t);
      const clinician = await t.newUser();
      const guesser = await t.newUser();
      await wrongTries(guesser, '10.20.0.1', 11);
      const code = await invite(admin, 'clinician');
      const locked = await preview(guesser, code, '10.20.0.1');
      assert.equal(locked.status, 429, 'even a right code waits');
      assert.equal(locked.headers.get('retry-after'), '60');
      assert.equal(
        await message(locked),
        'Too many wrong invitation codes. For your safety, please wait 60\u00a0seconds and try again.',
      );
      assert.equal((await acceptCode(guesser, code, '10.20.0.2')).status, 429, 'the account is locked');

      // Someone else, elsewhere, with the same right code is not held up by the guesser.
      assert.equal((await preview(clinician, code, '10.20.0.3')).status, 200);

      // The wait is up after its minute, and not before.
      later(t, 59);
      assert.match(await message(await preview(guesser, code, '10.20.0.1')), /wait 1\u00a0second and/);
      later(t, 1);
      assert.equal((await preview(guesser, code, '10.20.0.1')).status, 200);
      // One more wrong code doubles the wait; an hour of quiet forgets the count.
      await preview(guesser, wrongCode(99), '10.20.0.1');
      const doubled = await preview(guesser, code, '10.20.0.1');
      assert.equal(doubled.headers.get('retry-after'), '120');
      assert.match(await message(doubled), /wait 2\u00a0minutes and/);
      later(t, 3600 + 1);
      await wrongTries(guesser, '10.20.0.1', 10);
      assert.equal((await acceptCode(clinician, code, '10.20.0.3')).status, 200);
      t.clock.set(START);
    });

    test('thirty-one wrong codes from one address lock it, but not the same accounts elsewhere', async () => {
      t.clock.set(START);
      const admin = await newAdmin(t);
      const ip = '10.21.0.1';
      // Four accounts, each under its own limit of ten, together over the address's thirty.
      for (const n of [8, 8, 8, 7]) await wrongTries(await t.newUser(), ip, n);
      const newcomer = await t.newUser();
      const code = await invite(admin, 'clinician');
      const locked = await acceptCode(newcomer, code, ip);
      assert.equal(locked.status, 429, 'a fresh account at that address waits');
      assert.match(await message(locked), /wait 60\u00a0seconds/);
      assert.equal((await acceptCode(newcomer, code, '10.21.0.2')).status, 200, 'from elsewhere it is fine');
      t.clock.set(START);
    });

    test('a refused try stores nothing, counts hold no code, address or account in clear, and go with the account', async () => {
      t.clock.set(START);
      const ip = '10.22.0.1';
      const user = await t.newUser();
      await wrongTries(user, ip, 11);
      const rows = () =>
        t.db.query<{ key: string; failures: number; user_id: string | null }>(
          `SELECT key, failures, user_id FROM login_throttle WHERE key LIKE 'invitation-%'`,
        );
      const before = await rows();
      for (let i = 0; i < 5; i++) assert.equal((await preview(user, wrongCode(i), ip)).status, 429);
      assert.deepEqual(await rows(), before, 'refused tries change no count');
      const text = JSON.stringify(before.map((r) => r.key));
      for (const clear of [user.id, ip, 'WRNG', 'GUES']) {
        assert.ok(!text.includes(clear), `a count holds ${clear} in clear`);
      }
      assert.deepEqual(
        before.filter((r) => r.user_id === user.id).map((r) => r.failures),
        [11],
        "the account's count is tied to it",
      );
      const del = await user.call('/api/me', { method: 'DELETE', json: { password: user.password } });
      assert.equal(del.status, 204);
      assert.equal((await rows()).filter((r) => r.failures === 11 && r.user_id !== null).length, 0);
      t.clock.set(START);
    });

    test('a malformed code or your own invitation is not counted as a wrong code', async () => {
      t.clock.set(START);
      const admin = await newAdmin(t);
      const ip = '10.23.0.1';
      const clinician = await t.newUser();
      await accept(clinician, await invite(admin, 'clinician'));
      const own = await invite(clinician, 'member');
      for (let i = 0; i < 12; i++) {
        assert.equal((await preview(clinician, 'not-a-code', ip)).status, 404);
        assert.equal((await preview(clinician, own, ip)).status, 409);
      }
      const member = await t.newUser();
      assert.equal((await preview(member, own, ip)).status, 200);
      t.clock.set(START);
    });
  },
  { trustProxy: true },
);
