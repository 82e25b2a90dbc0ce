/**
 * Why a single sign-on came back without a session. The server redirects to the log-in page with
 * `?sso_error=<code>`; the web app turns the code into a sentence.
 */
export const SSO_ERROR_CODES = [
  'provider_unreachable',
  'provider_refused',
  'state_unknown',
  'nonce_mismatch',
  'token_expired',
  'wrong_audience',
  'token_invalid',
  'email_missing',
  'email_unverified',
  'domain_not_allowed',
  'identity_conflict',
  'signup_closed',
] as const;

export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const isSsoErrorCode = (s: string): s is SsoErrorCode =>
  (SSO_ERROR_CODES as readonly string[]).includes(s);
