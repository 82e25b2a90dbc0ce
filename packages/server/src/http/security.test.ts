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
      const res = await user.call('/api/me/settings', { method: 'PATCH', json: { timeZone: 'Asia/Tokyo' }, headers });
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
