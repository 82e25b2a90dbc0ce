import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe } from 'node:test';
import { SIGNUP_BACKOFF } from '@hipwise/core';
import { createApp } from '../app.js';
import type { Clock } from '../clock.js';
import type { FeatureConfig, OidcConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createLogger, type Logger } from '../logger.js';
import { argon2Hasher } from '../services/password-hasher.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres, type DatabaseKind } from './test-databases.js';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export interface TestApp {
  db: Database;
  clock: ManualClock;
  request(path: string, init?: RequestInit): Promise<Response>;
  /**
   * A signed-up user whose session cookie rides along on every call. `madeAt` dates the account
   * earlier than the clock's now, for tests that post history from before the test's day (the
   * server refuses break events from before an account was made).
   */
  newUser(opts?: { email?: string; timeZone?: string; password?: string; madeAt?: Date }): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookie: string;
  /** `hipwise_device=...`: the browser this user signed up in is a known device. */
  device: string;
  call(
    path: string,
    init?: { method?: string; json?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

export const BASE = 'http://hipwise.test';

/** The real app on a real, empty database, called in-process without a socket. */
export async function testApp(
  kind: DatabaseKind,
  opts: {
    trustProxy?: boolean;
    features?: Partial<FeatureConfig>;
    log?: Logger;
    database?: Database;
    hideAccountExistence?: boolean;
    /** The real sign-up limit; by default tests sign up as many users as they like. */
    signupLimit?: boolean;
    oidc?: OidcConfig;
  } = {},
): Promise<TestApp> {
  // A database passed in stays open: its owner closes it.
  const { db, drop } = opts.database
    ? { db: opts.database, drop: async () => {} }
    : await freshDatabase(kind);
  const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
  const app = createApp({
    db,
    clock,
    log: opts.log ?? createLogger('silent'),
    hasher: argon2Hasher(),
    newToken: () => randomBytes(32).toString('base64url'),
    trustProxy: opts.trustProxy ?? false,
    features: { disabledInstruments: [], publicUrl: 'http://127.0.0.1:8080', ...opts.features },
    hosts: { hostnames: [new URL(BASE).hostname], hosts: [] },
    hideAccountExistence: opts.hideAccountExistence ?? false,
    oidc: opts.oidc,
    ...(opts.signupLimit ? {} : { signupPolicy: { ...SIGNUP_BACKOFF, freeFailures: 1_000_000 } }),
  });
  const request = async (path: string, init?: RequestInit) => app.request(`${BASE}${path}`, init);

  function caller(cookie: string): TestUser['call'] {
    return (path, init = {}) =>
      request(path, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers: {
          cookie,
          ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: init.json === undefined ? null : JSON.stringify(init.json),
      });
  }

  return {
    db,
    clock,
    request,
    async newUser({
      email = `${randomUUID()}@example.org`,
      timeZone = 'UTC',
      password = 'a long enough password',
      madeAt,
    } = {}) {
      const res = await request('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, timeZone }),
      });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
      const { user } = (await res.json()) as { user: { id: string } };
      if (madeAt) await db.query('UPDATE users SET created_at = $2 WHERE id = $1', [user.id, madeAt]);
      const cookie = sessionCookieOf(res);
      const device = deviceCookieOf(res);
      return { id: user.id, email, password, cookie, device, call: caller(`${cookie}; ${device}`) };
    },
    close: drop,
  };
}

const cookieOf = (res: Response, name: string): string => {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!header) throw new Error(`no ${name} cookie was set`);
  return header.split(';')[0]!;
};

/** `name=value` of the session cookie a response sets. */
export const sessionCookieOf = (res: Response) => cookieOf(res, 'hipwise_session');

/** `name=value` of the device cookie a response sets. */
export const deviceCookieOf = (res: Response) => cookieOf(res, 'hipwise_device');

export const checkinCall = (user: TestUser, body: unknown, key: string = randomUUID()) =>
  user.call('/api/checkins', { json: body, headers: { 'idempotency-key': key } });

/**
 * Declares the suite `name` once per database kind (PostgreSQL skipped with a reason when none
 * runs), each on its own test app: `body` declares the tests against `t`, which stands for the
 * app of the suite being run.
 */
export function describeOnEachStore(
  name: string,
  body: (t: TestApp, kind: DatabaseKind) => void,
  opts: Parameters<typeof testApp>[1] = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${name} on ${kind}`, { skip: skipPostgres(kind) }, () => {
      let current: TestApp | undefined;
      const app = () => {
        if (!current) throw new Error(`the ${kind} test app is not open yet`);
        return current;
      };
      before(async () => {
        current = await testApp(kind, opts);
      });
      after(() => current?.close());
      body(
        {
          get db() {
            return app().db;
          },
          get clock() {
            return app().clock;
          },
          request: (path, init) => app().request(path, init),
          newUser: (o) => app().newUser(o),
          close: () => app().close(),
        },
        kind,
      );
    });
  }
}
