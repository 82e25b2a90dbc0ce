import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isReauthIntent, timeZoneSchema } from '@hipwise/core';
import { OIDC_CALLBACK_PATH } from '../config.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { clientAddress } from '../http/client-address.js';
import { setDeviceCookie } from '../http/device-cookie.js';
import { requestHost } from '../http/host-check.js';
import { setReauthCookie } from '../http/reauth-cookie.js';
import { sessionToken, setSessionCookie } from '../http/session.js';
import type { Logger } from '../logger.js';
import type { AuthService } from '../services/auth-service.js';
import { SsoError } from '../services/oidc-client.js';
import { OIDC_LOGIN_MINUTES, type ReauthRequest, type SsoService } from '../services/sso-service.js';

const STATE_COOKIE = 'hipwise_oidc_state';
const COOKIE_PATH = '/api/auth/oidc/';
// Where the app may be asked to land after signing in: one of its own pages, never another site.
const RETURN_TO = /^\/[A-Za-z0-9/_-]{0,100}$/;

export interface OidcRouteOptions {
  trustProxy: boolean;
  /** The configured redirect URL; undefined: this instance's own address, as the browser used it. */
  redirectUrl: string | undefined;
  log: Logger;
  auth: AuthService;
}

/**
 * GET /api/auth/oidc/start and /callback: the browser's round trip through the OpenID Provider.
 * Both answer with redirects; a refusal lands on the log-in page with `?sso_error=<code>`.
 * `start?confirm=delete|password` asks a signed-in person to sign in again at the provider; its
 * way back leaves a proof for that step (a cookie) and opens Settings, where a refusal lands too.
 */
export function oidcRoutes(sso: SsoService | undefined, opts: OidcRouteOptions) {
  const redirectUrl = (c: Context<AppEnv>) =>
    opts.redirectUrl ??
    `${c.get('https') ? 'https' : 'http'}://${requestHost(c, opts.trustProxy)}${OIDC_CALLBACK_PATH}`;

  const refused = (c: Context<AppEnv>, err: unknown) => {
    if (!(err instanceof SsoError)) throw err;
    opts.log.warn({ code: err.code, reason: err.reason, during: err.during }, 'single sign-on refused');
    return c.redirect(`${err.during === 'reauth' ? '/settings' : '/login'}?sso_error=${err.code}`, 302);
  };

  const configured = (): SsoService => {
    if (!sso) {
      throw new AppError('not_found', 'sso_not_configured', 'Single sign-on is not set up on this hipwise.');
    }
    return sso;
  };

  return new Hono<AppEnv>()
    .get('/start', async (c) => {
      const service = configured();
      const returnTo = c.req.query('returnTo') ?? '/';
      const zone = timeZoneSchema.safeParse(c.req.query('timeZone'));
      const intent = c.req.query('confirm') ?? null;
      let confirming: ReauthRequest | undefined;
      if (intent !== null) {
        const token = sessionToken(c);
        const user = token === undefined ? undefined : await opts.auth.authenticate(token);
        // Signed out meanwhile: log in first, then confirm from Settings.
        if (!token || !user) return c.redirect('/login', 302);
        if (!isReauthIntent(intent)) return c.redirect('/settings', 302);
        confirming = { user, sessionToken: token, intent };
      }
      try {
        const started = await service.start(
          RETURN_TO.test(returnTo) ? returnTo : '/',
          zone.success ? zone.data : 'UTC',
          redirectUrl(c),
          confirming,
        );
        // SameSite=Lax: the provider's redirect back is a top-level navigation, which carries it.
        setCookie(c, STATE_COOKIE, started.state, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: c.get('https'),
          path: COOKIE_PATH,
          maxAge: OIDC_LOGIN_MINUTES * 60,
        });
        return c.redirect(started.location.href, 302);
      } catch (err) {
        return refused(c, err);
      }
    })
    .get('/callback', async (c) => {
      const service = configured();
      const browserState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, { path: COOKIE_PATH, secure: c.get('https'), httpOnly: true });
      const callbackUrl = new URL(redirectUrl(c));
      callbackUrl.search = new URL(c.req.url).search;
      try {
        const result = await service.callback(callbackUrl, browserState, {
          redirectUrl: redirectUrl(c),
          clientAddress: clientAddress(c, opts.trustProxy),
          previousToken: sessionToken(c),
        });
        if (result.kind === 'reauth') {
          setReauthCookie(c, result.proof);
        } else {
          setSessionCookie(c, result);
          setDeviceCookie(c, result.device);
        }
        return c.redirect(result.returnTo, 302);
      } catch (err) {
        return refused(c, err);
      }
    });
}
