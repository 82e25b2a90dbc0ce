import { Hono } from 'hono';
import { loginBody, signupBody } from '@hipwise/core';
import type { AppEnv } from '../http/app-env.js';
import { attemptContext, setDeviceCookie } from '../http/device-cookie.js';
import { clearSessionCookie, requireUser, sessionToken, setSessionCookie } from '../http/session.js';
import { jsonBody } from '../http/validate.js';
import type { AuthService } from '../services/auth-service.js';

export function authRoutes(auth: AuthService, trustProxy: boolean) {
  return new Hono<AppEnv>()
    .post('/signup', async (c) => {
      const session = await auth.signup(await jsonBody(c, signupBody), attemptContext(c, trustProxy));
      setSessionCookie(c, session);
      setDeviceCookie(c, session.device);
      return c.json({ user: session.user }, 201);
    })
    .post('/login', async (c) => {
      const session = await auth.login(await jsonBody(c, loginBody), {
        ...attemptContext(c, trustProxy),
        previousToken: sessionToken(c),
      });
      setSessionCookie(c, session);
      setDeviceCookie(c, session.device);
      return c.json({ user: session.user });
    })
    .post('/logout', async (c) => {
      const token = sessionToken(c);
      if (token) await auth.logout(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post('/logout-everywhere', requireUser(auth), async (c) => {
      await auth.logoutEverywhere(c.get('user').id);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
