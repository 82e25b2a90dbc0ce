import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash && !s.includes('#');
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
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0))
    .pipe(
      z.array(z.enum(['rmdq', 'start_back', 'pss4', 'pss10'], { message: 'may list only rmdq, start_back, pss4, pss10' })),
    )
    .default([]),
  HIPWISE_PUBLIC_URL: z
    .string()
    .refine(isPublicUrl, {
      message: 'must be an absolute http:// or https:// URL without user, query or fragment, e.g. https://back.example.org',
    })
    .transform((u) => u.replace(/\/+$/, ''))
    .default(DEFAULT_PUBLIC_URL),
  // Postgres settings of the embedded database, for large histories: shared_buffers=128MB,...
  HIPWISE_PG_SETTINGS: pgSettingsOverrides.optional(),
});

/** Switches a host can set without touching code. */
export interface FeatureConfig {
  /** Questionnaires not offered on this instance. */
  disabledInstruments: ReadonlyArray<'rmdq' | 'start_back' | 'pss4' | 'pss10'>;
  /**
   * The address people reach this instance at, without a trailing slash. Names hipwise's own FHIR
   * code system in exports, so it should be a URL the host controls.
   */
  publicUrl: string;
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
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
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
    features: { disabledInstruments: e.HIPWISE_DISABLED_INSTRUMENTS, publicUrl: e.HIPWISE_PUBLIC_URL },
  };
}

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
