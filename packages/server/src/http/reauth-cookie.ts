import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { REAUTH_PROOF_MINUTES } from '../services/reauth.js';
import type { AppEnv } from './app-env.js';

// The proof of a fresh sign-in at the provider, for the account routes that it confirms only.
const COOKIE = 'hipwise_reauth';
const PATH = '/api/me';

/** Kept where script cannot read it; Strict, as only the app's own pages use it. */
export function setReauthCookie(c: Context<AppEnv>, proof: string) {
  setCookie(c, COOKIE, proof, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('https'),
    path: PATH,
    maxAge: REAUTH_PROOF_MINUTES * 60,
  });
}

export const reauthProof = (c: Context<AppEnv>) => getCookie(c, COOKIE);

export function clearReauthCookie(c: Context<AppEnv>) {
  if (reauthProof(c) === undefined) return;
  deleteCookie(c, COOKIE, { path: PATH, secure: c.get('https'), httpOnly: true, sameSite: 'Strict' });
}
