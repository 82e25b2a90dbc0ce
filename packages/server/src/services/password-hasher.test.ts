import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argon2Hasher } from './password-hasher.js';

test('argon2id hashes with the OWASP parameters, salted, and verifies only the right password', async () => {
  const hasher = argon2Hasher();
  const a = await hasher.hash('correct horse battery');
  const b = await hasher.hash('correct horse battery');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(a, b, 'each hash has its own salt');
  assert.equal(await hasher.verify(a, 'correct horse battery'), true);
  assert.equal(await hasher.verify(a, 'correct horse batterY'), false);
  assert.equal(await hasher.verify('not a hash', 'anything'), false);
});
