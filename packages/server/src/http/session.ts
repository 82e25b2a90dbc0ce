import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../errors.js';
import type { AuthService, NewSession } from '../services/auth-service.js';
import type { AppEnv } from './app-env.js';

export const SESSION_COOKIE = 'hipwise_session';

export function setSessionCookie(c: Context<AppEnv>, session: NewSession) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('https'),
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('https'), httpOnly: true, sameSite: 'Lax' });
}

export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

/** Every personal route sits behind this: no live session, no data. */
export function requireUser(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c);
    // Tokens are 43 base64url characters; anything else cannot be ours and needs no database trip.
    const user = token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await auth.authenticate(token) : undefined;
    if (!token || !user) {
      throw new AppError('unauthenticated', 'unauthenticated', 'Please log in to continue.');
    }
    c.set('user', user);
    c.set('sessionToken', token);
    await next();
  };
}
