import type { AuditLine } from '@hipwise/core';

const VIEWS: Record<string, string> = {
  caseload: 'the caseload entry',
  summary: 'the summary',
  charts: 'the charts',
  sessions: 'the session history',
  export: 'an export',
};

const REAUTH_STEPS: Record<string, string> = {
  delete: 'deleting the account',
  password: 'setting a password',
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const notes = (v: unknown) => (v === true ? 'with notes' : 'without notes');

/** One audit line in words, e.g. "read the charts" or "gave consent to x@y (without notes)". */
export function auditWords(line: AuditLine): string {
  const d = line.detail;
  switch (line.action) {
    case 'member.read':
      return `read ${VIEWS[text(d['view'])] ?? 'your data'}`;
    case 'programme.change':
      return `changed the programme (${text(d['kind']) || 'a change'})`;
    case 'consent.grant':
      return `gave consent to ${text(d['clinician'])} (${notes(d['shareNotes'])})`;
    case 'consent.scope':
      return `changed what ${text(d['clinician'])} sees (${notes(d['shareNotes'])})`;
    case 'consent.revoke':
      return `revoked the consent of ${text(d['clinician'])}`;
    case 'invitation.create':
      return `invited a ${text(d['kind'])}${d['email'] ? ` (${text(d['email'])})` : ''}`;
    case 'invitation.accept':
      return `accepted an invitation from ${text(d['invitedBy'])}`;
    case 'role.change':
      return `made ${text(d['email'])} ${text(d['to'])} (was ${text(d['from'])})`;
    case 'policy.change':
      return `set sign-up to ${text(d['signupPolicy'])}, local passwords ${d['localSignIn'] === true ? 'on' : 'off'}`;
    case 'signin.sso':
      return 'signed in with single sign-on';
    case 'reauth.sso':
      return `signed in again with single sign-on to confirm ${REAUTH_STEPS[text(d['for'])] ?? 'a change'}`;
    case 'password.set':
      return 'set a password, to log in with it as well';
    case 'password.change':
      return 'changed the password';
    default:
      return line.action;
  }
}

export const auditTime = (at: string) =>
  new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
