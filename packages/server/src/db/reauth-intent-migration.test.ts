/**
 * Migration 0013 gives each fresh sign-in at the provider its step. Rows written before it must
 * come through: a sign-in in flight keeps the step its return address names, one whose step cannot
 * be told goes, and proofs (which cannot tell) go.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from './database.js';
import { loadMigrations, migrate, type Migration } from './migrate.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres } from '../testing/test-databases.js';

for (const kind of DATABASE_KINDS) {
  describe(`migration 0013 (reauth intent) on ${kind}`, { skip: skipPostgres(kind) }, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let migrations: Migration[];
    before(async () => {
      ({ db, drop } = await freshDatabase(kind, { migrated: false }));
      migrations = await loadMigrations();
    });
    after(() => drop());

    test('sign-ins in flight keep the step their return address names; old proofs go', async () => {
      const before13 = migrations.filter((m) => m.version < 13);
      assert.equal(before13.length, 12);
      await migrate(db, before13);
      const [user] = await db.query<{ id: string }>(
        "INSERT INTO users (email, password_hash, time_zone, created_at) VALUES ('a@b.example', NULL, 'UTC', now()) RETURNING id",
      );
      const id = user?.id;
      await db.query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('s', $1, now(), now() + interval '1 day')",
        [id],
      );
      const login = (state: string, returnTo: string, reauth: boolean) =>
        db.query(
          `INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, created_at, expires_at, purpose, user_id, session_hash)
           VALUES ($1, 'n', 'v', $2, now(), now() + interval '10 minutes', $3, $4, $5)`,
          [state, returnTo, reauth ? 'reauth' : 'signin', reauth ? id : null, reauth ? 's' : null],
        );
      await login('to-delete', '/settings?confirmed=delete', true);
      await login('to-set', '/settings?confirmed=password', true);
      await login('unknown', '/settings', true);
      await login('plain', '/settings?confirmed=delete', false);
      await db.query(
        "INSERT INTO reauth_proofs (proof_hash, user_id, session_hash, created_at, expires_at) VALUES ('p', $1, 's', now(), now() + interval '5 minutes')",
        [id],
      );

      assert.deepEqual(await migrate(db, migrations), [13]);
      const rows = await db.query<{ state_hash: string; intent: string | null }>(
        'SELECT state_hash, intent FROM oidc_logins ORDER BY state_hash',
      );
      assert.deepEqual(rows, [
        { state_hash: 'plain', intent: null },
        { state_hash: 'to-delete', intent: 'delete' },
        { state_hash: 'to-set', intent: 'password' },
      ]);
      assert.deepEqual(await db.query('SELECT * FROM reauth_proofs'), []);
      await assert.rejects(
        db.query(
          "INSERT INTO reauth_proofs (proof_hash, user_id, session_hash, intent, created_at, expires_at) VALUES ('q', $1, 's', 'both', now(), now())",
          [id],
        ),
        'a proof names one of the two steps',
      );
    });
  });
}
