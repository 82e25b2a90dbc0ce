import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults: 127.0.0.1:8080, PGlite in ./data', () => {
  const c = loadConfig({});
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, `${process.cwd()}/data`);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.trustProxy, false);
});

test('environment overrides, empty values count as unset', () => {
  const c = loadConfig({
    PORT: '9001',
    HOST: '0.0.0.0',
    HIPWISE_DATA_DIR: '/var/lib/hipwise',
    DATABASE_URL: 'postgres://u@db:5432/hipwise',
    HIPWISE_TRUST_PROXY: 'true',
    HIPWISE_LOG_LEVEL: '',
    HIPWISE_DISABLED_INSTRUMENTS: 'rmdq, start_back',
  });
  assert.deepEqual(c.features.disabledInstruments, ['rmdq', 'start_back']);
  assert.deepEqual(
    [c.port, c.host, c.dataDir, c.databaseUrl, c.trustProxy, c.logLevel],
    [9001, '0.0.0.0', '/var/lib/hipwise', 'postgres://u@db:5432/hipwise', true, 'info'],
  );
});

test('bad values name the variable and what is wrong, never echoing a secret URL', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: unknown) => e instanceof ConfigError && /PORT: must be a port number/.test(e.message),
  );
  assert.throws(() => loadConfig({ PORT: '70000' }), /PORT: must be 0 to 65535/);
  assert.throws(
    () => loadConfig({ HIPWISE_TRUST_PROXY: 'maybe' }),
    /HIPWISE_TRUST_PROXY: must be true or false/,
  );
  assert.throws(
    () => loadConfig({ HIPWISE_DISABLED_INSTRUMENTS: 'rmdq,peg' }),
    /HIPWISE_DISABLED_INSTRUMENTS.*may list only/,
  );
  assert.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@host/db' }),
    (e: unknown) =>
      e instanceof Error &&
      /DATABASE_URL: must start with postgres/.test(e.message) &&
      !e.message.includes('s3cret'),
  );
});

test('HIPWISE_PUBLIC_URL: documented default, trailing slash dropped, only plain http(s) URLs', () => {
  assert.equal(loadConfig({}).features.publicUrl, 'http://127.0.0.1:8080');
  assert.equal(
    loadConfig({ HIPWISE_PUBLIC_URL: 'https://back.example.org/hipwise/' }).features.publicUrl,
    'https://back.example.org/hipwise',
  );
  for (const bad of [
    'back.example.org',
    'ftp://back.example.org',
    'https://u:p@back.example.org',
    'https://x.org/?a=1',
    'https://x.org/#top',
  ]) {
    assert.throws(() => loadConfig({ HIPWISE_PUBLIC_URL: bad }), /HIPWISE_PUBLIC_URL: must be an http/, bad);
  }
});

test('HIPWISE_PG_SETTINGS: name=size pairs for the embedded database, each checked', () => {
  assert.deepEqual(loadConfig({}).pgSettings, {});
  assert.deepEqual(
    loadConfig({ HIPWISE_PG_SETTINGS: 'shared_buffers=128MB, effective_cache_size=2GB' }).pgSettings,
    {
      shared_buffers: '128MB',
      effective_cache_size: '2GB',
    },
  );
  assert.throws(
    () => loadConfig({ HIPWISE_PG_SETTINGS: 'fsync=off' }),
    /HIPWISE_PG_SETTINGS: "fsync=off": expected name=size/,
  );
  assert.throws(
    () => loadConfig({ HIPWISE_PG_SETTINGS: 'shared_buffers=lots' }),
    /HIPWISE_PG_SETTINGS: shared_buffers must be a size such as 16MB/,
  );
  assert.throws(() => loadConfig({ HIPWISE_PG_SETTINGS: 'shared_buffers=100kB' }), /from 1MB to 64GB/);
  assert.throws(
    () => loadConfig({ HIPWISE_PG_SETTINGS: 'work_mem=1MB;DROP' }),
    /HIPWISE_PG_SETTINGS: work_mem must be a size/,
  );
  assert.throws(
    () => loadConfig({ HIPWISE_PG_SETTINGS: 'min_wal_size=128MB' }),
    /min_wal_size must not be larger than max_wal_size/,
  );
});

test('HIPWISE_PUBLIC_URL must be an http(s) URL; timeouts and the connection cap are bounded', () => {
  assert.equal(loadConfig({}).publicUrl, undefined);
  assert.equal(loadConfig({}).features.publicUrl, 'http://127.0.0.1:8080');
  assert.equal(
    loadConfig({ HIPWISE_PUBLIC_URL: 'https://Care.Example.org/' }).publicUrl,
    'https://care.example.org',
  );
  assert.equal(
    loadConfig({ HIPWISE_PUBLIC_URL: 'https://care.example.org/hipwise/' }).publicUrl,
    'https://care.example.org/hipwise',
  );
  assert.throws(
    () => loadConfig({ HIPWISE_PUBLIC_URL: 'care.example.org' }),
    /HIPWISE_PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/,
  );
  assert.throws(() => loadConfig({ HIPWISE_PUBLIC_URL: 'ftp://care.example.org' }), /HIPWISE_PUBLIC_URL/);
  const c = loadConfig({});
  assert.deepEqual(
    [c.headersTimeoutMs, c.requestTimeoutMs, c.maxConnections, c.hideAccountExistence],
    [10_000, 30_000, 1_000, false],
  );
  assert.throws(
    () => loadConfig({ HIPWISE_HEADERS_TIMEOUT_MS: '50' }),
    /HIPWISE_HEADERS_TIMEOUT_MS: must be 1000 to 120000 milliseconds/,
  );
  assert.throws(
    () => loadConfig({ HIPWISE_MAX_CONNECTIONS: '0' }),
    /HIPWISE_MAX_CONNECTIONS: must be 1 to 100000/,
  );
});

test('single sign-on: off unless configured; the redirect URL follows the public URL', () => {
  assert.equal(loadConfig({}).oidc, undefined);
  const c = loadConfig({
    HIPWISE_PUBLIC_URL: 'https://hipwise.example.org/',
    HIPWISE_OIDC_ISSUER: 'https://login.example.org',
    HIPWISE_OIDC_CLIENT_ID: 'hipwise',
    HIPWISE_OIDC_CLIENT_SECRET: 's3cret',
    HIPWISE_OIDC_ALLOWED_DOMAINS: 'Practice.example, staff.practice.example',
    HIPWISE_OIDC_ROLE_CLAIM: 'groups',
    HIPWISE_OIDC_CLINICIAN_VALUES: 'physio, clinician',
    HIPWISE_OIDC_NAME: 'Practice login',
  });
  assert.deepEqual(c.oidc, {
    issuer: 'https://login.example.org',
    clientId: 'hipwise',
    clientSecret: 's3cret',
    redirectUrl: 'https://hipwise.example.org/api/auth/oidc/callback',
    allowedDomains: ['practice.example', 'staff.practice.example'],
    roleClaim: 'groups',
    clinicianValues: ['physio', 'clinician'],
    adminValues: [],
    name: 'Practice login',
  });
  const own = loadConfig({
    HIPWISE_OIDC_ISSUER: 'http://127.0.0.1:9000',
    HIPWISE_OIDC_CLIENT_ID: 'hipwise',
    HIPWISE_OIDC_REDIRECT_URL: 'https://app.example.org/api/auth/oidc/callback',
  });
  assert.equal(own.oidc?.redirectUrl, 'https://app.example.org/api/auth/oidc/callback');
  assert.equal(own.oidc?.name, 'single sign-on');
  assert.deepEqual(own.oidc?.allowedDomains, []);
});

test('single sign-on: incomplete or unsafe settings are refused with what to fix', () => {
  const base = { HIPWISE_OIDC_ISSUER: 'https://login.example.org', HIPWISE_OIDC_CLIENT_ID: 'x' };
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [{ HIPWISE_OIDC_CLIENT_ID: 'hipwise' }, /HIPWISE_OIDC_ISSUER: must be set/],
    [{ HIPWISE_OIDC_ISSUER: 'https://login.example.org' }, /HIPWISE_OIDC_CLIENT_ID: must be set/],
    // Plain http only to a provider on this machine.
    [
      { ...base, HIPWISE_OIDC_ISSUER: 'http://login.example.org' },
      /HIPWISE_OIDC_ISSUER: must be the https:\/\/ URL/,
    ],
    [
      { ...base, HIPWISE_OIDC_ALLOWED_DOMAINS: 'practice.example, @nope' },
      /HIPWISE_OIDC_ALLOWED_DOMAINS: must list email domains/,
    ],
    [
      { ...base, HIPWISE_OIDC_ROLE_CLAIM: 'groups' },
      /HIPWISE_OIDC_ROLE_CLAIM: needs HIPWISE_OIDC_CLINICIAN_VALUES or HIPWISE_OIDC_ADMIN_VALUES/,
    ],
    [{ ...base, HIPWISE_OIDC_ADMIN_VALUES: 'it-admin' }, /HIPWISE_OIDC_ROLE_CLAIM: must name the claim/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && message.test(e.message),
    );
  }
  // The secret never appears in an error.
  assert.throws(
    () => loadConfig({ HIPWISE_OIDC_CLIENT_SECRET: 'top-secret-value' }),
    (e: unknown) => e instanceof ConfigError && !e.message.includes('top-secret-value'),
  );
});
