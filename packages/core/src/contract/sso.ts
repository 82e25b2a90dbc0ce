/**
 * Why a single sign-on came back without a session. The server redirects to the log-in page with
 * `?sso_error=<code>` (to Settings, for a fresh sign-in that confirms an account); the web app
 * turns the code into a sentence.
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
  // A fresh sign-in confirming the signed-in account (to delete it or set a password):
  'reauth_wrong_account',
  'reauth_stale',
  'reauth_session',
  'reauth_not_linked',
] as const;

/** What a fresh sign-in at the provider confirms; the browser comes back to Settings for it. */
export const REAUTH_INTENTS = ['delete', 'password'] as const;
export type ReauthIntent = (typeof REAUTH_INTENTS)[number];
export const isReauthIntent = (s: string | null): s is ReauthIntent =>
  s !== null && (REAUTH_INTENTS as readonly string[]).includes(s);

/**
 * Why `DELETE /api/me` or `POST /api/me/password` refused an account without a password (a 403's
 * `error.code`, with a sentence): no proof of a fresh sign-in, one expired or used, one from
 * another session, or one asked for the other step. Confirming at the provider again mends each.
 */
export const REAUTH_REFUSALS = [
  'reauth_required',
  'reauth_expired',
  'reauth_other_session',
  'reauth_other_action',
] as const;
export type ReauthRefusal = (typeof REAUTH_REFUSALS)[number];
export const isReauthRefusal = (s: string): s is ReauthRefusal =>
  (REAUTH_REFUSALS as readonly string[]).includes(s);

export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const isSsoErrorCode = (s: string): s is SsoErrorCode =>
  (SSO_ERROR_CODES as readonly string[]).includes(s);
