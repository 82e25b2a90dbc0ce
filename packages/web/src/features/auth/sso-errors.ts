import { isSsoErrorCode, type SsoErrorCode } from '@hipwise/core';

const CHECK_FAILED =
  'The answer from the sign-in service could not be trusted, so you were not signed in. Try again; if it keeps happening, tell whoever runs this hipwise.';

/** Why a single sign-on came back without a session, for the person it happened to. */
const SENTENCES: Record<SsoErrorCode, string> = {
  provider_unreachable:
    'The sign-in service could not be reached. Try again in a few minutes; if it keeps failing, tell whoever runs this hipwise.',
  provider_refused: 'The sign-in service did not let you in, or the sign-in was cancelled. Try again.',
  state_unknown:
    'This sign-in had expired or was already used. Start again with the sign-in button, in this browser.',
  nonce_mismatch: CHECK_FAILED,
  token_invalid: CHECK_FAILED,
  wrong_audience:
    'The sign-in service answered for another application, so you were not signed in. Try again; if it keeps happening, tell whoever runs this hipwise.',
  token_expired:
    'The answer from the sign-in service had expired when it arrived. Try again; if it keeps happening, the server’s clock may be wrong: tell whoever runs this hipwise.',
  email_missing:
    'The sign-in service did not tell hipwise your email address, which your account needs. Ask whoever runs the sign-in service to share it.',
  email_unverified:
    'Your email address is not verified at the sign-in service. Verify it there, then try again.',
  domain_not_allowed:
    'Accounts with this email address cannot sign in here. Use the email address of your practice or employer.',
  identity_conflict:
    'The hipwise account with this email address is linked to another sign-in already. Log in with your password, or ask whoever runs this hipwise.',
  signup_closed:
    'New accounts on this hipwise are by invitation only. Ask your practice for an invitation, then try again.',
  reauth_wrong_account:
    'You signed in at the sign-in service as someone other than the person this account belongs to, so nothing was changed. Confirm again and sign in there as yourself.',
  reauth_stale:
    'The sign-in service did not ask you to sign in again just now, so hipwise could not be sure it was you and nothing was changed. Confirm again.',
  reauth_session:
    'You logged out or in again while confirming, so nothing was changed. Confirm again from Settings.',
  reauth_not_linked:
    'Your account is not linked to this sign-in service, so it cannot confirm who you are. Ask whoever runs this hipwise to delete the account or set a password for you.',
};

/** The sentence for `?sso_error=<code>`, or undefined when there is none (or it is not ours). */
export function ssoErrorSentence(code: string | null): string | undefined {
  return code !== null && isSsoErrorCode(code) ? SENTENCES[code] : undefined;
}
