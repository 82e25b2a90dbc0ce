import assert from 'node:assert/strict';
import { adminCommand } from '../cli/admin.js';
import { argon2Hasher } from '../services/password-hasher.js';
import type { TestApp, TestUser } from './test-app.js';

/** Test steps of a practice through the real API: roles, invitations and consent. */

async function json<T>(res: Response, status: number, what: string): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, status, `${what}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A new account made an admin through the command line's own function. */
export async function newAdmin(t: TestApp): Promise<TestUser> {
  const user = await t.newUser();
  await adminCommand(t.db, argon2Hasher(), ['create', user.email], t.clock.now());
  return user;
}

/** An invitation of `kind`, made by `by` (an admin for a clinician, a clinician for a member). */
export async function invite(by: TestUser, kind: 'clinician' | 'member', email?: string): Promise<string> {
  const path = kind === 'clinician' ? '/api/admin/invitations' : '/api/invitations';
  const body = await json<{ invitation: { code: string } }>(
    await by.call(path, { json: email === undefined ? {} : { email } }),
    201,
    `invite a ${kind}`,
  );
  return body.invitation.code;
}

export async function accept(user: TestUser, code: string, shareNotes?: boolean): Promise<void> {
  await json(
    await user.call(`/api/invitations/${code}/accept`, {
      json: shareNotes === undefined ? {} : { shareNotes },
    }),
    200,
    'accept an invitation',
  );
}

/** An admin, a clinician it invited, and a member who consented to that clinician. */
export async function practice(t: TestApp, opts: { shareNotes?: boolean } = {}) {
  const admin = await newAdmin(t);
  const clinician = await t.newUser();
  await accept(clinician, await invite(admin, 'clinician'));
  const member = await t.newUser();
  await accept(member, await invite(clinician, 'member'), opts.shareNotes ?? false);
  const { consents } = await json<{ consents: Array<{ id: string }> }>(
    await member.call('/api/me/consents'),
    200,
    'list consents',
  );
  return { admin, clinician, member, consentId: consents[0]!.id };
}
