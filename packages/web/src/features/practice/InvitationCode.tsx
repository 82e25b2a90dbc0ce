import type { NewInvitation } from '@hipwise/core';
import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { auditTime } from './audit-words';

/** A new invitation's link and code, shown this once: only a hash of the code is kept. */
export function InvitationCode({ invitation }: { readonly invitation: NewInvitation }) {
  const link = `${window.location.origin}${invitation.path}`;
  const [copied, setCopied] = useState<'copied' | 'failed'>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <Alert tone="success" title="Invitation ready: give this link or code now">
      <p>It is shown only this once. It works once, until {auditTime(invitation.expiresAt)}.</p>
      <p>
        Link: <code className="invitation-link">{link}</code>
      </p>
      <p>
        Code to type at <code>/join</code>: <strong className="invitation-code">{invitation.code}</strong>
      </p>
      <button type="button" onClick={() => void copy()}>
        Copy the link
      </button>
      {copied && (
        <span role="status" className="field-hint">
          {copied === 'copied' ? ' Copied.' : ' Could not copy: select the link and copy it by hand.'}
        </span>
      )}
    </Alert>
  );
}
