import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, BASE, type TestApp } from '../testing/test-app.js';

describe('HTTP hardening', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp('pglite');
  });
  after(() => t.close());

  test('every response carries a same-origin-only CSP and security headers', async () => {
    for (const path of ['/api/health', '/api/me', '/api/nope']) {
      const res = await t.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' blob:(;|$)/, path);
      assert.match(csp, /worker-src 'self' blob:(;|$)/, path);
      // The service worker's own fetches obey connect-src; the installable app's manifest, manifest-src.
      assert.match(csp, /connect-src 'self'(;|$)/, path);
      assert.match(csp, /manifest-src 'self'(;|$)/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(csp, /https?:|unsafe-inline|'unsafe-eval'|\*/, path);
      // Cross-origin isolated, so the pose model can use WASM threads.
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin', path);
      assert.equal(res.headers.get('cross-origin-embedder-policy'), 'require-corp', path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  test('a write from another website is refused before it reaches the route', async () => {
    const user = await t.newUser();
    const foreign: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of foreign) {
      const res = await user.call('/api/me/settings', {
        method: 'PATCH',
        json: { timeZone: 'Asia/Tokyo' },
        headers,
      });
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'cross_origin');
    }
    const me = (await (await user.call('/api/me')).json()) as { user: { timeZone: string } };
    assert.equal(me.user.timeZone, 'UTC');
    const sameOrigin = await user.call('/api/me/settings', {
      method: 'PATCH',
      json: { timeZone: 'Asia/Tokyo' },
      headers: { origin: BASE, host: new URL(BASE).host, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(sameOrigin.status, 200);
  });

  test('a write is same-origin only when scheme, host and port all match', async () => {
    const user = await t.newUser();
    const write = (origin: string) =>
      user.call('/api/me/settings', {
        method: 'PATCH',
        json: { timeZone: 'Asia/Tokyo' },
        headers: { origin, host: 'hipwise.test' },
      });
    for (const origin of [
      'https://hipwise.test',
      'http://hipwise.test:8080',
      'http://hipwise.test.evil.example',
      'junk',
    ]) {
      assert.equal((await write(origin)).status, 403, origin);
    }
    assert.equal((await write('http://hipwise.test')).status, 200);
    assert.equal((await write('HTTP://HIPWISE.TEST:80')).status, 200, 'the same origin written another way');
  });

  test('a body that is not valid UTF-8 is refused with a 400, and nothing is saved', async () => {
    const user = await t.newUser();
    const bytes = Buffer.concat([
      Buffer.from('{"pain":3,"stress":2,"note":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}'),
    ]);
    const res = await t.request('/api/checkins', {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/json', 'idempotency-key': 'latin1-note' },
      body: bytes,
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_encoding');
    const rows = await t.db.query('SELECT 1 FROM checkins WHERE user_id = $1', [user.id]);
    assert.equal(rows.length, 0);
  });

  test('HSTS is sent over https only', async () => {
    assert.equal((await t.request('/api/health')).headers.get('strict-transport-security'), null);
    const proxied = await testApp('pglite', { trustProxy: true });
    try {
      const res = await proxied.request('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
      assert.match(res.headers.get('strict-transport-security') ?? '', /^max-age=\d+/);
      const plain = await proxied.request('/api/health', { headers: { 'x-forwarded-proto': 'http' } });
      assert.equal(plain.headers.get('strict-transport-security'), null);
    } finally {
      await proxied.close();
    }
  });

  test('oversized bodies get a 413 JSON error', async () => {
    const user = await t.newUser();
    const res = await user.call('/api/checkins', {
      json: { pain: 1, stress: 1, note: 'x'.repeat(100_000) },
      headers: { 'idempotency-key': 'big-body-1' },
    });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  test('an unknown API path is a JSON 404 for a signed-in user', async () => {
    const user = await t.newUser();
    const res = await user.call('/api/does-not-exist');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('unexpected failures are a 500 with no internals', async () => {
    const user = await t.newUser();
    await t.db.exec('ALTER TABLE checkins RENAME TO checkins_gone');
    try {
      const res = await user.call('/api/today');
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.match(text, /"code":"internal"/);
      assert.doesNotMatch(text, /checkins_gone|relation|stack|at /);
    } finally {
      await t.db.exec('ALTER TABLE checkins_gone RENAME TO checkins');
    }
  });
});
