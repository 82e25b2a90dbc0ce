import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditLine } from '@hipwise/core';
import { auditWords } from './audit-words';

const line = (action: string, detail: AuditLine['detail'] = {}): AuditLine => ({
  id: '1',
  actor: { email: 'ann@practice.example', role: 'member' },
  action,
  detail,
  clientAddress: '127.0.0.1',
  at: '2026-12-07T08:00:00.000Z',
});

test('the account lines of single sign-on and passwords read as sentences, not action names', () => {
  assert.equal(
    auditWords(line('reauth.sso', { for: 'delete' })),
    'signed in again with single sign-on to confirm deleting the account',
  );
  assert.equal(
    auditWords(line('reauth.sso', { for: 'password' })),
    'signed in again with single sign-on to confirm setting a password',
  );
  assert.equal(auditWords(line('password.set')), 'set a password, to log in with it as well');
  assert.equal(auditWords(line('password.change')), 'changed the password');
});

test('an action this version does not know is shown by its name rather than hidden', () => {
  assert.equal(auditWords(line('something.new')), 'something.new');
});
