import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { mountWebApp } from './static-web.js';

function webDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hipwise-web-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'wasm'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>hipwise</title><div id="root"></div>');
  const js = 'export const answer = 42;\n'.repeat(200);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), js);
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(js));
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(js));
  const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4096)]);
  writeFileSync(join(dir, 'wasm', 'x.wasm'), wasm);
  writeFileSync(join(dir, 'wasm', 'x.wasm.br'), brotliCompressSync(wasm));
  return dir;
}

test('built files go out precompressed when the browser accepts it, with their own type and caching', async () => {
  const dir = webDir();
  try {
    const app = new Hono<AppEnv>();
    mountWebApp(app, dir);
    const js = '/assets/index-abc123.js';

    const br = await app.request(js, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/);
    const brBody = Buffer.from(await br.arrayBuffer());
    assert.match(brotliDecompressSync(brBody).toString(), /^export const answer = 42;/);

    const gz = await app.request(js, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.match(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), /^export const answer/);

    const plain = await app.request(js);
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(await plain.text(), /^export const answer/);

    const wasm = await app.request('/wasm/x.wasm', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'br');
    assert.equal(wasm.headers.get('cache-control'), 'no-cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the service worker and the web app manifest are checked on every load, never cached for a year', async () => {
  const dir = webDir();
  try {
    const sw = 'self.addEventListener("fetch", () => {});\n'.repeat(50);
    writeFileSync(join(dir, 'sw.js'), sw);
    writeFileSync(join(dir, 'sw.js.br'), brotliCompressSync(sw));
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"hipwise","display":"standalone"}\n');
    const app = new Hono<AppEnv>();
    mountWebApp(app, dir);

    // A year-long cache of sw.js would keep every browser on the old version for that year.
    const script = await app.request('/sw.js', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('cache-control'), 'no-cache');
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(script.headers.get('content-encoding'), 'br');

    const manifest = await app.request('/manifest.webmanifest');
    assert.equal(manifest.status, 200);
    assert.equal(manifest.headers.get('cache-control'), 'no-cache');
    assert.equal(manifest.headers.get('content-type'), 'application/manifest+json');
    assert.deepEqual(await manifest.json(), { name: 'hipwise', display: 'standalone' });

    // The precache asks for index.html with a revision in the query; it gets the file itself.
    const shell = await app.request('/index.html?__WB_REVISION__=abc');
    assert.equal(shell.headers.get('cache-control'), 'no-cache');
    assert.match(await shell.text(), /<title>hipwise<\/title>/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
