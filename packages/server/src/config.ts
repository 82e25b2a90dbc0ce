import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emailSchema } from '@hipwise/core';
import { z } from 'zod';
import { pgSettingsOverrides, type PgSettings } from './db/pglite-settings.js';

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The default public URL: the default address and port of a server on one's own computer. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:8080';

function isPublicUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return (
    (u.protocol === 'http:' || u.protocol === 'https:') &&
    !u.username &&
    !u.password &&
    !u.search &&
    !u.hash &&
    !s.includes('#')
  );
}

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0),
);

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine only (a provider started for tests or trials). */
function isIssuerUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return (
    !u.search &&
    !u.hash &&
    (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK_HOSTNAMES.has(u.hostname)))
  );
}

function ms(min: number, max: number, fallback: number) {
  const message = `must be ${min} to ${max} milliseconds`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message).default(fallback);
}

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0 to 65535')
    .max(65535, 'must be 0 to 65535')
    .default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  HIPWISE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  HIPWISE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HIPWISE_TRUST_PROXY: booleanFlag.default(false),
  HIPWISE_WEB_DIR: z.string().min(1).optional(),
  HIPWISE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HIPWISE_HIDE_ACCOUNT_EXISTENCE: booleanFlag.default(false),
  HIPWISE_HEADERS_TIMEOUT_MS: ms(1_000, 120_000, 10_000),
  HIPWISE_REQUEST_TIMEOUT_MS: ms(1_000, 600_000, 30_000),
  HIPWISE_MAX_CONNECTIONS: z.coerce
    .number({ message: 'must be 1 to 100000' })
    .int('must be 1 to 100000')
    .min(1, 'must be 1 to 100000')
    .max(100_000, 'must be 1 to 100000')
    .default(1_000),
  // How long SIGTERM waits for requests in flight before cutting them off.
  HIPWISE_SHUTDOWN_GRACE_MS: z.coerce
    .number({ message: 'must be 0 to 600000 milliseconds' })
    .int('must be 0 to 600000 milliseconds')
    .min(0, 'must be 0 to 600000 milliseconds')
    .max(600_000, 'must be 0 to 600000 milliseconds')
    .default(10_000),
  // Licensed questionnaires a host may switch off (RMDQ and STarT Back are free for non-commercial use only).
  HIPWISE_DISABLED_INSTRUMENTS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(
      z.array(
        z.enum(['rmdq', 'start_back', 'pss4', 'pss10'], {
          message: 'may list only rmdq, start_back, pss4, pss10',
        }),
      ),
    )
    .default([]),
  // Where people reach this instance: the only Host header a hosted instance serves, and the base
  // of hipwise's own FHIR code system.
  HIPWISE_PUBLIC_URL: z
    .string()
    .refine(isPublicUrl, {
      message:
        'must be an http:// or https:// URL without user, query or fragment, e.g. https://hipwise.example.org',
    })
    .transform((u) => new URL(u).href.replace(/\/+$/, ''))
    .optional(),
  // Single sign-on through an OpenID Provider: see "Single sign-on" in the README.
  HIPWISE_OIDC_ISSUER: z
    .string()
    .refine(isIssuerUrl, {
      message:
        'must be the https:// URL of the OpenID Provider (the "issuer"), e.g. https://login.example.org',
    })
    .optional(),
  HIPWISE_OIDC_CLIENT_ID: z.string().max(500).optional(),
  HIPWISE_OIDC_CLIENT_SECRET: z.string().max(2000).optional(),
  HIPWISE_OIDC_REDIRECT_URL: z
    .string()
    .refine(isPublicUrl, { message: 'must be an http:// or https:// URL without user, query or fragment' })
    .optional(),
  HIPWISE_OIDC_ALLOWED_DOMAINS: commaList
    .pipe(
      z.array(
        z
          .string()
          .toLowerCase()
          .regex(
            /^[a-z0-9.-]+\.[a-z]{2,}$/,
            'must list email domains such as example.org, separated by commas',
          ),
      ),
    )
    .optional(),
  HIPWISE_OIDC_ROLE_CLAIM: z.string().max(200).optional(),
  HIPWISE_OIDC_CLINICIAN_VALUES: commaList.optional(),
  HIPWISE_OIDC_ADMIN_VALUES: commaList.optional(),
  HIPWISE_OIDC_NAME: z.string().max(60, 'must be at most 60 characters').optional(),
  // Postgres settings of the embedded database, for large histories: shared_buffers=128MB,...
  HIPWISE_PG_SETTINGS: pgSettingsOverrides.optional(),
  // An existing account made admin at start (once is enough; see cli/admin.ts for creating one).
  HIPWISE_ADMIN_EMAIL: emailSchema.optional(),
});

/** Switches a host can set without touching code. */
export interface FeatureConfig {
  /** Questionnaires not offered on this instance. */
  disabledInstruments: ReadonlyArray<'rmdq' | 'start_back' | 'pss4' | 'pss10'>;
  /**
   * The address people reach this instance at, without a trailing slash (DEFAULT_PUBLIC_URL when
   * HIPWISE_PUBLIC_URL is unset). Names hipwise's own FHIR code system in exports, so it should be
   * a URL the host controls.
   */
  publicUrl: string;
}

/** Single sign-on through one OpenID Provider (authorization code with PKCE). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is read from here. */
  issuer: string;
  clientId: string;
  /** Without one, hipwise signs in as a public client (PKCE only). */
  clientSecret: string | undefined;
  /** Where the provider sends people back; undefined: this instance's own address + the callback path. */
  redirectUrl: string | undefined;
  /** Email domains allowed to sign in, lower case; empty: any domain the provider vouches for. */
  allowedDomains: string[];
  /** The claim that carries a role; undefined: sign-in never changes a role. */
  roleClaim: string | undefined;
  /** Values of the role claim that make a clinician, and an admin (admin wins when both match). */
  clinicianValues: string[];
  adminValues: string[];
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
}

export interface Config {
  host: string;
  port: number;
  /** PGlite's files live here; `memory://` keeps them in memory (tests). Ignored with databaseUrl. */
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['HIPWISE_LOG_LEVEL'];
  /** Believe X-Forwarded-Proto/Host from a load balancer in front of us. */
  trustProxy: boolean;
  /** The built web app to serve. */
  webDir: string;
  dbPoolSize: number;
  /** The embedded database's Postgres settings that differ from those for one person. */
  pgSettings: Partial<PgSettings>;
  /** SIGTERM waits this long for requests in flight, then cuts them off. */
  shutdownGraceMs: number;
  features: FeatureConfig;
  /** Where people reach a hosted instance (HIPWISE_PUBLIC_URL), without a trailing slash. */
  publicUrl: string | undefined;
  /** Sign-up with a taken email does not say that it is taken. */
  hideAccountExistence: boolean;
  /** A client must send its request headers within this time. */
  headersTimeoutMs: number;
  /** ...and the whole request, body included, within this one. */
  requestTimeoutMs: number;
  /** Connections beyond this many are closed at once. */
  maxConnections: number;
  /** Single sign-on, when HIPWISE_OIDC_ISSUER is set. */
  oidc: OidcConfig | undefined;
  /** HIPWISE_ADMIN_EMAIL: the account made admin at start, if it exists. */
  adminEmail: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    // The variable's name only: a list's item index would read as part of the name.
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const oidc = oidcConfig(e, e.HIPWISE_PUBLIC_URL);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.HIPWISE_DATA_DIR === 'memory://' ? 'memory://' : resolve(e.HIPWISE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.HIPWISE_LOG_LEVEL,
    trustProxy: e.HIPWISE_TRUST_PROXY,
    webDir: e.HIPWISE_WEB_DIR ? resolve(e.HIPWISE_WEB_DIR) : DEFAULT_WEB_DIR,
    dbPoolSize: e.HIPWISE_DB_POOL_SIZE,
    pgSettings: e.HIPWISE_PG_SETTINGS ?? {},
    shutdownGraceMs: e.HIPWISE_SHUTDOWN_GRACE_MS,
    features: {
      disabledInstruments: e.HIPWISE_DISABLED_INSTRUMENTS,
      publicUrl: e.HIPWISE_PUBLIC_URL ?? DEFAULT_PUBLIC_URL,
    },
    publicUrl: e.HIPWISE_PUBLIC_URL,
    hideAccountExistence: e.HIPWISE_HIDE_ACCOUNT_EXISTENCE,
    headersTimeoutMs: e.HIPWISE_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.HIPWISE_REQUEST_TIMEOUT_MS,
    maxConnections: e.HIPWISE_MAX_CONNECTIONS,
    adminEmail: e.HIPWISE_ADMIN_EMAIL,
    oidc,
  };
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

function oidcConfig(e: z.infer<typeof envSchema>, publicUrl: string | undefined): OidcConfig | undefined {
  const set = Object.entries(e).filter(([k, v]) => k.startsWith('HIPWISE_OIDC_') && v !== undefined);
  if (set.length === 0) return undefined;
  const problems: string[] = [];
  if (!e.HIPWISE_OIDC_ISSUER) problems.push('HIPWISE_OIDC_ISSUER: must be set for single sign-on');
  if (!e.HIPWISE_OIDC_CLIENT_ID) problems.push('HIPWISE_OIDC_CLIENT_ID: must be set for single sign-on');
  const mapped = (e.HIPWISE_OIDC_CLINICIAN_VALUES ?? []).length + (e.HIPWISE_OIDC_ADMIN_VALUES ?? []).length;
  if (e.HIPWISE_OIDC_ROLE_CLAIM && mapped === 0) {
    problems.push(
      'HIPWISE_OIDC_ROLE_CLAIM: needs HIPWISE_OIDC_CLINICIAN_VALUES or HIPWISE_OIDC_ADMIN_VALUES to map',
    );
  }
  if (!e.HIPWISE_OIDC_ROLE_CLAIM && mapped > 0) {
    problems.push('HIPWISE_OIDC_ROLE_CLAIM: must name the claim that HIPWISE_OIDC_*_VALUES are read from');
  }
  if (problems.length > 0 || !e.HIPWISE_OIDC_ISSUER || !e.HIPWISE_OIDC_CLIENT_ID) {
    throw new ConfigError(
      `Invalid configuration in the environment:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return {
    issuer: e.HIPWISE_OIDC_ISSUER,
    clientId: e.HIPWISE_OIDC_CLIENT_ID,
    clientSecret: e.HIPWISE_OIDC_CLIENT_SECRET,
    redirectUrl:
      e.HIPWISE_OIDC_REDIRECT_URL ?? (publicUrl === undefined ? undefined : publicUrl + OIDC_CALLBACK_PATH),
    allowedDomains: e.HIPWISE_OIDC_ALLOWED_DOMAINS ?? [],
    roleClaim: e.HIPWISE_OIDC_ROLE_CLAIM,
    clinicianValues: e.HIPWISE_OIDC_CLINICIAN_VALUES ?? [],
    adminValues: e.HIPWISE_OIDC_ADMIN_VALUES ?? [],
    name: e.HIPWISE_OIDC_NAME ?? 'single sign-on',
  };
}

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
