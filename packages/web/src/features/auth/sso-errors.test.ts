import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SSO_ERROR_CODES } from '@hipwise/core';
import { ssoErrorSentence } from './sso-errors';

test('every refusal the server can send has a sentence; anything else shows none', () => {
  for (const code of SSO_ERROR_CODES) {
    const sentence = ssoErrorSentence(code);
    assert.ok(sentence && sentence.length > 30 && !sentence.includes('_'), code);
  }
  assert.equal(ssoErrorSentence(null), undefined);
  assert.equal(ssoErrorSentence('<script>'), undefined);
  assert.equal(ssoErrorSentence('toString'), undefined);
});
