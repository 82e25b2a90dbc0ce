import { isReauthRefusal, type ReauthIntent } from '@hipwise/core';
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { isApiError } from '../../api';
import { Alert } from '../../components/Alert';
import { ssoErrorSentence } from '../auth/sso-errors';

/**
 * An account without a password confirms who it is by signing in again at its provider: the
 * browser goes there and comes back to Settings with `?confirmed=<step>` (and a short-lived proof
 * the server keeps), or with `?sso_error=<code>`.
 */
export const confirmAtProviderHref = (intent: ReauthIntent) =>
  `/api/auth/oidc/start?${new URLSearchParams({ confirm: intent }).toString()}`;

/** Whether Settings was opened on the way back from confirming `intent` at the provider. */
export function useConfirmedAtProvider(intent: ReauthIntent): boolean {
  const search = useSearch();
  const [confirmed] = useState(() => new URLSearchParams(search).get('confirmed') === intent);
  return confirmed;
}

/**
 * Whether the server refused the step for want of a confirmation it accepts (none, expired, used,
 * from another session, or for the other step): its sentence says so, and the person confirms again.
 */
export const needsConfirmingAgain = (e: unknown) => isApiError(e) && isReauthRefusal(e.code);

/**
 * Why a confirmation at the provider did not count, at the top of Settings. The address is tidied
 * once read, so a reload neither repeats the message nor reopens the confirmed step.
 */
export function ProviderReturnNotice() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const [error] = useState(() => ssoErrorSentence(new URLSearchParams(search).get('sso_error')));
  useEffect(() => {
    if (search !== '') navigate('/settings', { replace: true });
  }, [search, navigate]);
  if (!error) return null;
  return (
    <Alert tone="error" title="Nothing was changed">
      <p>{error}</p>
    </Alert>
  );
}
