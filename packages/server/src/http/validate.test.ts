import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { plainError } from '@hipwise/core';
import { z } from 'zod';
import { createLogger } from '../logger.js';
import { errorHandler } from './error-handler.js';
import { fieldErrors, jsonBody, queryParams, unsafeJson } from './validate.js';

/** The helpers behind a real Hono app and the real error handler, with schemas like the API's. */
function app() {
  const seen: unknown[] = [];
  const a = new Hono();
  a.onError(errorHandler(createLogger('silent')));
  a.post('/note', async (c) => {
    seen.push(await jsonBody(c, z.strictObject({ note: z.string().max(1000) })));
    return c.json({ ok: true });
  });
  a.post('/answers', async (c) => {
    seen.push(await jsonBody(c, z.strictObject({ answers: z.record(z.string(), z.int()) })));
    return c.json({ ok: true });
  });
  a.post('/anything', async (c) => {
    seen.push(await jsonBody(c, z.unknown()));
    return c.json({ ok: true });
  });
  a.get('/list', (c) => {
    seen.push(queryParams(c, z.strictObject({ q: z.string().optional() })));
    return c.json({ ok: true });
  });
  const post = (path: string, body: string) =>
    a.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { seen, post, get: (path: string) => a.request(path) };
}

async function refusal(res: Response) {
  const body = (await res.json()) as {
    error: { code: string; message: string; fields?: Record<string, string> };
  };
  return { status: res.status, ...body.error };
}

test('a NUL character anywhere in a body is a 422 naming the field, never handed on', async () => {
  // Found by route fuzzing: PostgreSQL text and jsonb cannot store NUL, so a note with one was a 500.
  const { seen, post } = app();
  const r = await refusal(await post('/note', '{"note":"a\\u0000b"}'));
  assert.equal(r.status, 422);
  assert.equal(r.code, 'validation_failed');
  assert.match(r.message, /note must not contain NUL characters/);
  assert.deepEqual(r.fields, { note: 'must not contain NUL characters' });
  const key = await refusal(await post('/answers', '{"answers":{"q\\u0000":1}}'));
  assert.equal(key.status, 422);
  assert.match(key.message, /answers has a field name that must not contain NUL/);
  assert.deepEqual(seen, []);
});

test('a lone surrogate is refused rather than silently turned into U+FFFD by the database driver', async () => {
  const { seen, post } = app();
  for (const text of ['\\ud800', 'x\\udfff', '\\udc00\\ud800']) {
    const r = await refusal(await post('/note', `{"note":"${text}"}`));
    assert.equal(r.status, 422, text);
    assert.match(r.message, /note must be valid Unicode text/);
  }
  // Proper pairs, combining marks, RTL marks and emoji are ordinary text.
  for (const text of ['😀', '\\ud83d\\ude00', 'e\\u0301', '\\u202eabc', '👩‍👩‍👧‍👦']) {
    assert.equal((await post('/note', `{"note":"${text}"}`)).status, 200, text);
  }
  assert.equal(seen.length, 5);
});

test('a __proto__ key is refused: copied by zod it would become the prototype of the answers', async () => {
  // Found by route fuzzing: {"answers":{"__proto__":{...}}} was accepted and saved as empty answers.
  const { seen, post } = app();
  const r = await refusal(await post('/answers', '{"answers":{"__proto__":{"q1":1}}}'));
  assert.equal(r.status, 422);
  assert.deepEqual(r.fields, { answers: 'must not have a field named __proto__' });
  assert.equal((await post('/anything', '{"a":[{"b":{"__proto__":null}}]}')).status, 422);
  // Other names of Object.prototype are plain keys: the schema decides about them.
  assert.equal((await post('/answers', '{"answers":{"constructor":1,"toString":2}}')).status, 200);
  assert.deepEqual(seen, [{ answers: { constructor: 1, toString: 2 } }]);
});

test('nesting deeper than any request of ours is refused without walking it recursively', async () => {
  const { post } = app();
  for (const depth of [33, 30_000]) {
    const r = await refusal(await post('/anything', '['.repeat(depth) + ']'.repeat(depth)));
    assert.equal(r.status, 422, `${depth}`);
    assert.match(r.message, /nested more than 32 levels deep/);
  }
  assert.equal((await post('/anything', '['.repeat(32) + ']'.repeat(32))).status, 200);
  assert.equal(
    unsafeJson(JSON.parse('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)))?.message,
    'is nested more than 32 levels deep',
  );
});

test('query strings get the same check', async () => {
  const { get } = app();
  assert.equal((await get('/list?q=fine')).status, 200);
  const r = await refusal(await get('/list?q=a%00b'));
  assert.equal(r.status, 422);
  assert.match(r.message, /^The query is not valid: q must not contain NUL characters\.$/);
});

test('malformed JSON stays a 400 and a wrong content type a 415', async () => {
  const { post } = app();
  assert.equal((await refusal(await post('/note', '{"note":'))).code, 'invalid_json');
  const a = new Hono();
  a.onError(errorHandler(createLogger('silent')));
  a.post('/x', async (c) => c.json(await jsonBody(c, z.unknown())));
  const res = await a.request('/x', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: '{}',
  });
  assert.equal(res.status, 415);
});

test('names echoed from the request are cut short and listed at most five at a time', async () => {
  const { post } = app();
  const keys = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`${'k'.repeat(200)}${i}`, 1]));
  const r = await refusal(await post('/note', JSON.stringify({ note: 'x', ...keys })));
  assert.equal(r.status, 422);
  assert.ok(r.message.length < 400, r.message);
  assert.match(r.message, /unknown field\(s\): k{40}…, k{40}…, k{40}…, k{40}…, k{40}… and 295 more\.$/);
});

test('a field named like an Object.prototype member still gets its own message', () => {
  const schema = z.strictObject({ constructor: z.int(), toString: z.int() });
  const result = schema.safeParse({ constructor: 'x', toString: 'y' }, { error: plainError });
  assert.ok(!result.success);
  assert.deepEqual(fieldErrors(result.error), {
    constructor: 'enter a number',
    toString: 'enter a number',
  });
});
