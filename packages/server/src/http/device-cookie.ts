import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AttemptContext } from '../services/password-attempts.js';
import type { AppEnv } from './app-env.js';
import { clientAddress } from './client-address.js';

export const DEVICE_COOKIE = 'hipwise_device';
const DEVICE_DAYS = 365;

/** Marks this browser as one the user has logged in from (see services/device-token.ts). */
export function setDeviceCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('https'),
    path: '/api/',
    maxAge: DEVICE_DAYS * 86_400,
  });
}

/** What a password attempt is judged by: where it comes from and the browser's device cookie. */
export function attemptContext(c: Context<AppEnv>, trustProxy: boolean): AttemptContext {
  const device = getCookie(c, DEVICE_COOKIE);
  return {
    address: clientAddress(c, trustProxy),
    device: device && device.length <= 200 ? device : undefined,
  };
}
