import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';
import { requestHost } from './host-check.js';

const SELF = ["'self'"];

/** Everything the app loads comes from our own origin: no CDNs, fonts or scripts from elsewhere. */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: SELF,
      // WebAssembly (the pose model's tfjs backend) needs 'wasm-unsafe-eval'; it allows compiling
      // wasm only, not eval of JavaScript, and the .wasm files still come from our own origin.
      // blob: lets tfjs start its WASM worker threads, which it creates from blob: URLs of its own
      // code (importScripts inside the worker); a page would need script running already to make one.
      scriptSrc: [...SELF, "'wasm-unsafe-eval'", 'blob:'],
      styleSrc: SELF,
      imgSrc: [...SELF, 'data:', 'blob:'],
      mediaSrc: [...SELF, 'blob:'],
      connectSrc: SELF,
      fontSrc: SELF,
      manifestSrc: SELF,
      workerSrc: [...SELF, 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: SELF,
      frameAncestors: ["'none'"],
    },
    // With COOP same-origin (the default here), this makes the page cross-origin isolated, which
    // WASM threads need (SharedArrayBuffer): two threads bring a pose frame from ~26 ms to ~21 ms
    // (bench/RESULTS.md). Everything the app loads is same-origin, so nothing is blocked.
    crossOriginEmbedderPolicy: 'require-corp',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [], payment: [] },
    // Sent by detectHttps, over https only: over plain http it means nothing and misleads.
    strictTransportSecurity: false,
  });

/**
 * Is this request over https, as the client sees it? Only trust the proxy header when told to.
 * Over https, browsers are told to keep to it (HSTS, hono's default of 180 days).
 */
export function detectHttps(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const forwarded = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    const https = forwarded ? forwarded === 'https' : c.req.url.startsWith('https:');
    c.set('https', https);
    if (https) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated writes, on top of SameSite=Lax: a write must come from a
 * page of our own origin, scheme, host and port alike (http://our-host or our host on another
 * port is another origin, and may be another program). Browsers send Origin and Sec-Fetch-Site on
 * every cross-origin write, so a foreign origin is refused; non-browser clients send neither and
 * need a session anyway.
 */
export function sameOriginWrites(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const ours = originOf(`${c.get('https') ? 'https' : 'http'}://${requestHost(c, trustProxy)}`);
      const foreignOrigin = origin !== undefined && (originOf(origin) ?? 'null') !== ours;
      if (site === 'cross-site' || foreignOrigin) {
        throw new AppError(
          'forbidden',
          'cross_origin',
          'This request came from another website and was refused.',
        );
      }
    }
    await next();
  };
}

/** The origin in normal form (lower case, default port left out); undefined for 'null' or junk. */
function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
