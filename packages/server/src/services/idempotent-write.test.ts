import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../errors.js';
import { insertUser } from '../repositories/users.js';
import { DATABASE_KINDS, freshDatabase, skipPostgres } from '../testing/test-databases.js';
import { once, type Outcome } from './idempotent-write.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');

async function user(db: Database, email: string): Promise<string> {
  return (await insertUser(db, { email, passwordHash: 'h', timeZone: 'UTC', now: NOW }))!.id;
}

/** A write that inserts one check-in a day and answers with what it stored. */
function checkinWrite(userId: string, day: string, pain: number) {
  return async (tx: Queryable): Promise<Outcome<{ day: string; pain: number }>> => {
    await tx.query(
      `INSERT INTO checkins (user_id, day, pain, stress, note, created_at, updated_at)
       VALUES ($1, $2, $3, 0, NULL, $4, $4)`,
      [userId, day, pain, NOW],
    );
    return { status: 201, body: { day, pain } };
  };
}

async function count(db: Database, table: string, userId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [
    userId,
  ]);
  return rows[0]!.n;
}

for (const kind of DATABASE_KINDS) {
  describe(`once, on ${kind}`, { skip: skipPostgres(kind) }, () => {
    test('a retry gets the first answer and writes nothing; another body under the key is refused', async () => {
      const { db, drop } = await freshDatabase(kind);
      try {
        const u = await user(db, 'a@example.org');
        const k = { userId: u, key: 'key-1', request: { pain: 3 }, now: NOW, what: 'check-in' };
        const first = await once(db, k, checkinWrite(u, '2026-03-10', 3));
        assert.deepEqual(first, { status: 201, body: { day: '2026-03-10', pain: 3 } });

        // The retry's own write fails (the day is taken by the first): it still gets the first answer.
        const retry = await once(db, k, checkinWrite(u, '2026-03-10', 3));
        assert.deepEqual(retry, first);
        // A retry whose write would succeed is rolled back all the same.
        const lateRetry = await once(db, k, checkinWrite(u, '2026-03-11', 3));
        assert.deepEqual(lateRetry, first);
        assert.equal(await count(db, 'checkins', u), 1);

        await assert.rejects(
          once(db, { ...k, request: { pain: 4 } }, checkinWrite(u, '2026-03-12', 4)),
          (e: unknown) =>
            e instanceof AppError && e.code === 'idempotency_key_reused' && /check-in/.test(e.message),
        );
        assert.equal(await count(db, 'checkins', u), 1);
        assert.equal(await count(db, 'idempotency_keys', u), 1);
      } finally {
        await drop();
      }
    });

    test('a failed write stores no key and reports its own error; the key stays free', async () => {
      const { db, drop } = await freshDatabase(kind);
      try {
        const u = await user(db, 'a@example.org');
        const k = { userId: u, key: 'key-1', request: { pain: 3 }, now: NOW, what: 'check-in' };
        const refused = new AppError('conflict', 'not_now', 'Not now.');
        await assert.rejects(
          once(db, k, async (tx) => {
            await checkinWrite(u, '2026-03-10', 3)(tx);
            throw refused;
          }),
          (e: unknown) => e === refused,
        );
        assert.equal(await count(db, 'checkins', u), 0, 'the write was rolled back');
        assert.equal(await count(db, 'idempotency_keys', u), 0);
        assert.equal((await once(db, k, checkinWrite(u, '2026-03-10', 3))).status, 201);
      } finally {
        await drop();
      }
    });

    test('keys are per user: the same key from two users is two writes', async () => {
      const { db, drop } = await freshDatabase(kind);
      try {
        const a = await user(db, 'a@example.org');
        const b = await user(db, 'b@example.org');
        const k = { key: 'shared', request: { pain: 3 }, now: NOW, what: 'check-in' };
        await once(db, { ...k, userId: a }, checkinWrite(a, '2026-03-10', 3));
        const forB = await once(db, { ...k, userId: b }, checkinWrite(b, '2026-03-10', 5));
        assert.deepEqual(forB.body, { day: '2026-03-10', pain: 5 });
        assert.equal(await count(db, 'checkins', b), 1);
      } finally {
        await drop();
      }
    });

    test('concurrent first attempts under one key write once and all get that answer', async () => {
      const { db, drop } = await freshDatabase(kind);
      try {
        const u = await user(db, 'a@example.org');
        const k = { userId: u, key: 'key-1', request: { n: 1 }, now: NOW, what: 'practice session' };
        // Each attempt writes a different day, so only the key can stop the second write.
        const answers = await Promise.all(
          Array.from({ length: 6 }, (_, i) => once(db, k, checkinWrite(u, `2026-03-1${i}`, i))),
        );
        assert.equal(await count(db, 'checkins', u), 1);
        assert.equal(new Set(answers.map((a) => JSON.stringify(a))).size, 1);
      } finally {
        await drop();
      }
    });
  });
}
