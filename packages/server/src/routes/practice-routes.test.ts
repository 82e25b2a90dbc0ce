import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AuditPage } from '@hipwise/core';
import { adminCommand, promoteAtStart } from '../cli/admin.js';
import { ConfigError, loadConfig } from '../config.js';
import { activeConsent } from '../repositories/consents.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { accept, invite, newAdmin, practice } from '../testing/practice.js';
import { checkinCall, describeOnEachStore, type TestApp } from '../testing/test-app.js';

const PASSWORD = 'a long enough password';

const signup = (t: TestApp, body: Record<string, unknown>) =>
  t.request('/api/auth/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `${randomUUID()}@example.org`,
      password: PASSWORD,
      timeZone: 'UTC',
      ...body,
    }),
  });
const login = (t: TestApp, email: string, password = PASSWORD) =>
  t.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describeOnEachStore('practices: roles, invitations, consent and the audit trail', (t) => {
  test('the admin command creates an admin with a password shown once, promotes, lists and demotes', async () => {
    const email = `${randomUUID()}@example.org`;
    const hasher = argon2Hasher();
    const created = await adminCommand(t.db, hasher, ['create', email.toUpperCase()], t.clock.now());
    const password = created.map((l) => l.trim()).find((l) => /^[A-Za-z0-9_-]{24}$/.test(l));
    assert.ok(password, created.join('\n'));
    const res = await login(t, email, password);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { user: { role: string } }).user.role, 'admin');

    const member = await t.newUser();
    const promoted = await adminCommand(t.db, hasher, ['create', member.email], t.clock.now());
    assert.doesNotMatch(promoted.join('\n'), /\$argon2|password, shown/);
    assert.equal((await login(t, member.email, member.password)).status, 200, 'keeps its own password');
    assert.ok(
      (await adminCommand(t.db, hasher, ['list'], t.clock.now())).some((l) => l.includes(member.email)),
    );
    await adminCommand(t.db, hasher, ['demote', member.email], t.clock.now());
    assert.equal((await member.call('/api/admin/settings')).status, 404);
    await assert.rejects(
      adminCommand(t.db, hasher, ['create', 'not an email'], t.clock.now()),
      /not an email/,
    );
    await assert.rejects(adminCommand(t.db, hasher, ['frobnicate'], t.clock.now()), /usage/);
  });

  test('HIPWISE_ADMIN_EMAIL makes an existing account admin at start, and creates none', async () => {
    assert.throws(() => loadConfig({ HIPWISE_ADMIN_EMAIL: 'nobody' }), ConfigError);
    const email = `${randomUUID()}@example.org`;
    assert.equal(loadConfig({ HIPWISE_ADMIN_EMAIL: email.toUpperCase() }).adminEmail, email);
    assert.equal(await promoteAtStart(t.db, email, t.clock.now()), 'missing');
    const user = await t.newUser({ email });
    assert.equal((await user.call('/api/admin/settings')).status, 404);
    assert.equal(await promoteAtStart(t.db, email, t.clock.now()), 'promoted');
    assert.equal((await user.call('/api/admin/settings')).status, 200);
    assert.equal(await promoteAtStart(t.db, email, t.clock.now()), 'already');
  });

  test('admin routes answer members and clinicians with a 404, and admins with no health data', async () => {
    const { admin, clinician, member } = await practice(t);
    const marker = `private-note-${randomUUID()}`;
    assert.equal((await checkinCall(member, { pain: 7, stress: 6, note: marker })).status, 201);
    for (const who of [member, clinician]) {
      for (const path of ['/api/admin/settings', '/api/admin/audit', '/api/admin/invitations']) {
        assert.equal((await who.call(path)).status, 404, path);
      }
      assert.equal((await who.call('/api/admin/invitations', { json: {} })).status, 404);
      assert.equal(
        (await who.call('/api/admin/settings', { method: 'PUT', json: { signupPolicy: 'open' } })).status,
        404,
      );
    }
    // Being an admin is no way into a member's data: the admin's own routes hold none of it.
    const seen: string[] = [];
    for (const path of ['/api/admin/settings', '/api/admin/audit?limit=100', '/api/admin/invitations']) {
      const res = await admin.call(path);
      assert.equal(res.status, 200, path);
      seen.push(await res.text());
    }
    const all = seen.join('\n');
    assert.ok(all.includes('consent.grant'), 'the instance log lists the consent');
    assert.doesNotMatch(all, new RegExp(marker));
    assert.doesNotMatch(all, /"pain"|"stress"|"note"/);
    // The admin's own view of the member is the member routes, which serve only the admin's own data.
    const today = (await (await admin.call('/api/today')).json()) as { checkin: unknown };
    assert.equal(today.checkin, null);
  });

  test('the sign-up policy: by invitation needs a live code, single sign-on only refuses local sign-up', async () => {
    const admin = await newAdmin(t);
    const set = (body: unknown) => admin.call('/api/admin/settings', { method: 'PUT', json: body });
    try {
      assert.equal((await set({ signupPolicy: 'invitation' })).status, 200);
      const instance = (await (await t.request('/api/instance')).json()) as { signupPolicy: string };
      assert.equal(instance.signupPolicy, 'invitation');
      assert.equal((await signup(t, {})).status, 403);
      assert.equal((await signup(t, { invitation: 'ABCD-EFGH-JKMN' })).status, 403);
      const code = await invite(admin, 'clinician');
      const first = await signup(t, { invitation: code.toLowerCase() });
      assert.equal(first.status, 201, await first.clone().text());
      assert.equal((await signup(t, { invitation: code })).status, 403, 'one code, one account');

      assert.equal((await set({ signupPolicy: 'sso_only' })).status, 200);
      const sso = await signup(t, {});
      assert.equal(sso.status, 403);
      assert.match(((await sso.json()) as { error: { message: string } }).error.message, /single sign-on/);
      assert.equal((await set({})).status, 422);
      assert.equal((await set({ signupPolicy: 'everyone' })).status, 422);
    } finally {
      await set({ signupPolicy: 'open' });
    }
  });

  test('local sign-in off refuses members after a right password only, and never admins', async () => {
    const admin = await newAdmin(t);
    const member = await t.newUser();
    const set = (localSignIn: boolean) =>
      admin.call('/api/admin/settings', { method: 'PUT', json: { localSignIn } });
    try {
      assert.equal((await set(false)).status, 200);
      assert.equal((await login(t, member.email, 'not the password')).status, 401);
      const refused = await login(t, member.email, member.password);
      assert.equal(refused.status, 403);
      assert.match(
        ((await refused.json()) as { error: { message: string } }).error.message,
        /single sign-on/,
      );
      assert.equal((await login(t, admin.email, admin.password)).status, 200);
    } finally {
      await set(true);
    }
    assert.equal((await login(t, member.email, member.password)).status, 200);
  });

  test('an invitation makes a clinician; a clinician invites a member who sees who, then consents', async () => {
    const admin = await newAdmin(t);
    const clinician = await t.newUser();
    const code = await invite(admin, 'clinician', clinician.email);
    const other = await t.newUser();
    assert.equal((await other.call(`/api/invitations/${code}`)).status, 404, 'bound to its email');
    assert.equal((await other.call('/api/invitations', { json: {} })).status, 404, 'members do not invite');
    await accept(clinician, code);
    assert.equal(
      (await clinician.call(`/api/invitations/${code}/accept`, { json: {} })).status,
      404,
      'spent',
    );
    const me = (await (await clinician.call('/api/me')).json()) as { user: { role: string } };
    assert.equal(me.user.role, 'clinician');

    const memberCode = await invite(clinician, 'member');
    const member = await t.newUser();
    const preview = (await (await member.call(`/api/invitations/${memberCode}`)).json()) as {
      invitation: { kind: string; invitedBy: { email: string; role: string } };
    };
    assert.deepEqual(preview.invitation.invitedBy, { email: clinician.email, role: 'clinician' });
    assert.equal(preview.invitation.kind, 'member');
    // Opening the invitation shared nothing.
    assert.deepEqual(
      ((await (await member.call('/api/me/consents')).json()) as { consents: [] }).consents,
      [],
    );
    assert.equal(await activeConsent(t.db, clinician.id, member.id), undefined);
    await accept(member, memberCode, true);
    const consent = await activeConsent(t.db, clinician.id, member.id);
    assert.equal(consent?.shareNotes, true);

    // An invitation past its expiry is no invitation.
    const late = await invite(clinician, 'member');
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 8 * 86_400_000).toISOString());
    try {
      assert.equal((await other.call(`/api/invitations/${late}`)).status, 404);
    } finally {
      t.clock.set(now.toISOString());
    }
    assert.equal((await other.call('/api/invitations/not-a-code/accept', { json: {} })).status, 404);
  });

  test('the member changes the scope and revokes; each change is stored and in the trail', async () => {
    const { clinician, member, consentId } = await practice(t);
    const intruder = await t.newUser();
    assert.equal(
      (await intruder.call(`/api/me/consents/${consentId}`, { method: 'DELETE' })).status,
      404,
      "another member cannot revoke someone's consent",
    );
    const scoped = await member.call(`/api/me/consents/${consentId}`, {
      method: 'PATCH',
      json: { shareNotes: true },
    });
    assert.equal(scoped.status, 200);
    const { consent } = (await scoped.json()) as { consent: { id: string; shareNotes: boolean } };
    assert.equal(consent.shareNotes, true);
    assert.equal((await activeConsent(t.db, clinician.id, member.id))?.shareNotes, true);
    assert.equal((await member.call(`/api/me/consents/${consent.id}`, { method: 'DELETE' })).status, 204);
    assert.equal(await activeConsent(t.db, clinician.id, member.id), undefined, 'revoked at once');
    assert.equal((await member.call(`/api/me/consents/${consent.id}`, { method: 'DELETE' })).status, 404);

    const rows = await t.db.query<{ share_notes: boolean; revoked_at: Date | null }>(
      'SELECT share_notes, revoked_at FROM consents WHERE member_id = $1 ORDER BY granted_at, share_notes',
      [member.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.share_notes, r.revoked_at !== null]),
      [
        [false, true],
        [true, true],
      ],
    );
    const page = (await (await member.call('/api/me/audit?limit=2')).json()) as AuditPage;
    assert.deepEqual(
      page.entries.map((e) => e.action),
      ['consent.revoke', 'consent.scope'],
    );
    assert.equal(page.entries[0]?.actor.email, member.email);
    assert.ok(page.next);
    const rest = (await (
      await member.call(`/api/me/audit?limit=10&before=${page.next}`)
    ).json()) as AuditPage;
    assert.deepEqual(
      rest.entries.map((e) => e.action),
      ['consent.grant', 'invitation.accept'],
    );
    assert.equal(rest.next, null);
    assert.equal((await member.call('/api/me/audit?before=yesterday')).status, 422);
    // The intruder's trail holds none of it.
    const theirs = (await (await intruder.call('/api/me/audit')).json()) as AuditPage;
    assert.deepEqual(theirs.entries, []);
  });
});
