import { plainError } from '@hipwise/core';
import { z } from 'zod';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler, errorJson } from './http/error-handler.js';
import { requestLog } from './http/request-log.js';
import { hostCheck, type HostPolicy } from './http/host-check.js';
import { detectHttps, sameOriginWrites, securityHeaders } from './http/security.js';
import { requireUser } from './http/session.js';
import { mountWebApp } from './http/static-web.js';
import type { Logger } from './logger.js';
import { authRoutes } from './routes/auth-routes.js';
import { checkinRoutes } from './routes/checkin-routes.js';
import { instanceRoutes } from './routes/instance-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { onboardingRoutes } from './routes/onboarding-routes.js';
import { programRoutes } from './routes/program-routes.js';
import { clearanceRoutes } from './routes/clearance-routes.js';
import { breakRoutes } from './routes/break-routes.js';
import { measureRoutes } from './routes/measure-routes.js';
import { oidcRoutes } from './routes/oidc-routes.js';
import { ssoService } from './services/sso-service.js';
import { reauthProofs } from './services/reauth.js';
import { clinicianRoutes } from './routes/clinician-routes.js';
import { programmeChangeRoutes } from './routes/programme-change-routes.js';
import type { FeatureConfig, OidcConfig } from './config.js';
import { adminRoutes, consentRoutes, invitationRoutes } from './routes/practice-routes.js';
import { adminService } from './services/admin-service.js';
import { consentService } from './services/consent-service.js';
import { invitationService } from './services/invitation-service.js';
import { accountService } from './services/account-service.js';
import { authService } from './services/auth-service.js';
import { checkinService } from './services/checkin-service.js';
import type { ServiceDeps } from './services/deps.js';
import { onboardingService } from './services/onboarding-service.js';
import { passwordPolicy } from './services/password-policy.js';

export interface AppOptions extends ServiceDeps {
  log: Logger;
  trustProxy: boolean;
  features: FeatureConfig;
  /** The Host headers this instance answers to (see http/host-check.ts). */
  hosts: HostPolicy;
  /** Sign-up with a taken email does not say that it is taken. */
  hideAccountExistence: boolean;
  /** The built web app; omitted in API-only tests. */
  webDir?: string;
  /** Single sign-on through an OpenID Provider, when configured. */
  oidc?: OidcConfig | undefined;
}

// Our largest body is a check-in note of 1,000 characters; 64 KiB leaves room and stops floods.
const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (c: Context) =>
  errorJson(c, new AppError('payload_too_large', 'payload_too_large', 'The request is too large.'));

/**
 * hono's bodyLimit, minus its cost on the common paths. It asks for the request's body stream,
 * which makes @hono/node-server build a whole fetch Request with a web stream over the socket:
 * for a GET, which has no body, that is a tenth of the request's time; for a POST it also makes
 * `c.req.json()` read through that stream instead of straight from the socket. A Content-Length
 * is enforced by Node's parser (it never reads past it), so comparing it is the whole check, as
 * bodyLimit itself does; only a body without one (chunked) needs counting, and gets bodyLimit.
 */
function limitBody(): MiddlewareHandler<AppEnv> {
  const counting = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return parseInt(length, 10) > MAX_BODY_BYTES ? tooLarge(c) : next();
    }
    return counting(c, next);
  };
}

/** The whole HTTP application, without listening: tests call `app.request()` directly. */
export function createApp(opts: AppOptions) {
  // Refusals name what is wrong in words a person can act on, as the web app's forms do.
  z.config({ customError: plainError });
  const passwords = passwordPolicy();
  const auth = authService(opts, { passwords, hideAccountExistence: opts.hideAccountExistence });
  const onboarding = onboardingService(opts);
  const reauth = reauthProofs(opts, opts.oidc && { name: opts.oidc.name, issuer: opts.oidc.issuer });
  const account = accountService(opts, { auth, passwords, reauth, log: opts.log });
  const checkins = checkinService(opts);
  const sso = opts.oidc && ssoService(opts, { config: opts.oidc, auth, reauth, log: opts.log });
  const invitations = invitationService(opts);

  const app = new Hono<AppEnv>();
  app.onError(errorHandler(opts.log));
  app.use('*', securityHeaders());
  app.use('*', hostCheck(opts.hosts, opts.trustProxy));
  app.use('*', detectHttps(opts.trustProxy));
  app.use('/api/*', requestLog(opts.log));
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use('/api/*', sameOriginWrites(opts.trustProxy));
  app.use('/api/*', limitBody());

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.route('/api/auth', authRoutes(auth, opts.trustProxy));
  app.route(
    '/api/auth/oidc',
    oidcRoutes(sso, {
      trustProxy: opts.trustProxy,
      redirectUrl: opts.oidc?.redirectUrl,
      log: opts.log,
      auth,
    }),
  );
  app.route('/api/instance', instanceRoutes(opts.db, sso ? { name: sso.name } : null));

  const personal = new Hono<AppEnv>();
  personal.use('*', requireUser(auth));
  personal.route('/me/programme-changes', programmeChangeRoutes(opts));
  personal.route('/me', meRoutes(account, onboarding, opts.trustProxy));
  personal.route('/me', consentRoutes(consentService(opts), opts.trustProxy));
  personal.route('/invitations', invitationRoutes(invitations, opts.trustProxy));
  personal.route('/admin', adminRoutes(adminService(opts), invitations, opts.trustProxy));
  personal.route('/', onboardingRoutes(onboarding));
  personal.route('/', checkinRoutes(checkins));
  personal.route('/', programRoutes(opts, opts.features));
  personal.route('/', clearanceRoutes(opts));
  personal.route('/', breakRoutes(opts));
  personal.route('/', measureRoutes(opts, opts.features));
  personal.route('/clinician', clinicianRoutes(opts, opts.features, opts.trustProxy));
  app.route('/api', personal);

  app.all('/api/*', (c) =>
    errorJson(
      c,
      new AppError('not_found', 'not_found', `There is no API endpoint ${c.req.method} ${c.req.path}.`),
    ),
  );
  if (opts.webDir) mountWebApp(app, opts.webDir);
  return app;
}

export type App = ReturnType<typeof createApp>;
