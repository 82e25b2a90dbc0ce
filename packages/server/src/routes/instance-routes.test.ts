import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { instanceSchema } from '@hipwise/core';
import { DATABASE_KINDS, skipPostgres } from '../testing/test-databases.js';
import { testApp, type TestApp } from '../testing/test-app.js';

for (const kind of DATABASE_KINDS) {
  describe(`GET /api/instance on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(kind);
    });
    after(() => t.close());

    test('says whether anyone has an account yet and how accounts are made, to anyone, and nothing more', async () => {
      const empty = await t.request('/api/instance');
      assert.equal(empty.status, 200);
      assert.deepEqual(instanceSchema.strict().parse(await empty.json()), {
        accounts: false,
        signupPolicy: 'open',
        localSignIn: true,
        sso: null,
      });
      await t.newUser();
      const after = await t.request('/api/instance');
      assert.deepEqual(await after.json(), {
        accounts: true,
        signupPolicy: 'open',
        localSignIn: true,
        sso: null,
      });
      assert.equal(after.headers.get('cache-control'), 'no-store');
    });
  });
}
