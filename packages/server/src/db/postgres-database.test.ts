import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { freshDatabase, skipPostgres, TEST_POSTGRES_URL } from '../testing/test-databases.js';
import { sendOrRun } from './database.js';

const skip = skipPostgres('postgres');

test(
  'many reads sent at once over the shared pipelined connections each get their own answer',
  { skip },
  async () => {
    const { db, drop } = await freshDatabase('postgres');
    try {
      const ns = Array.from({ length: 300 }, (_, i) => i);
      const rows = await Promise.all(ns.map((n) => db.query<{ n: number }>('SELECT $1::int AS n', [n])));
      assert.deepEqual(
        rows.map((r) => r[0]?.n),
        ns,
      );
    } finally {
      await drop();
    }
  },
);

test('a failing read fails alone: the reads sent with it still answer', { skip }, async () => {
  const { db, drop } = await freshDatabase('postgres');
  try {
    const results = await Promise.allSettled(
      [1, 2, 0, 4].map((d) => db.query<{ q: number }>('SELECT 12 / $1::int AS q', [d])),
    );
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value[0]?.q : 'failed')),
      [12, 6, 'failed', 3],
    );
    assert.equal((await db.query<{ x: number }>('SELECT 1 AS x'))[0]?.x, 1);
  } finally {
    await drop();
  }
});

test('a read without parameters may still hold several statements', { skip }, async () => {
  const { db, drop } = await freshDatabase('postgres');
  try {
    await db.query('SELECT 1; SELECT 2');
    assert.equal((await db.query<{ x: number }>('SELECT 3 AS x'))[0]?.x, 3);
  } finally {
    await drop();
  }
});

test('after its connections are killed the database reconnects', { skip }, async () => {
  const { db, url, drop } = await freshDatabase('postgres');
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await db.query('SELECT 1');
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [new URL(url!).pathname.slice(1)],
    );
    assert.ok(killed.rows.length >= 2, 'the shared connections and the pool were connected');
    // Reads in flight when a connection dies fail; the ones after get a new connection.
    let answer: number | undefined;
    for (let attempt = 0; attempt < 40 && answer === undefined; attempt++) {
      answer = await db.query<{ x: number }>('SELECT $1::int AS x', [7]).then(
        (r) => r[0]?.x,
        async () => {
          await new Promise((r) => setTimeout(r, 50));
          return undefined;
        },
      );
    }
    assert.equal(answer, 7);
    const again = await Promise.all(
      [1, 2, 3].map((n) => db.query<{ x: number }>('SELECT $1::int AS x', [n])),
    );
    assert.deepEqual(
      again.map((r) => r[0]?.x),
      [1, 2, 3],
    );
  } finally {
    await admin.end();
    await drop();
  }
});

test('a statement sent unawaited in a transaction commits with it', { skip }, async () => {
  const { db, drop } = await freshDatabase('postgres');
  try {
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES ($1, $2)', [1, 'first']);
      await sendOrRun(tx, 'UPDATE t SET v = $2 WHERE id = $1', [1, 'second']);
    });
    assert.deepEqual(await db.query('SELECT id, v FROM t'), [{ id: 1, v: 'second' }]);
  } finally {
    await drop();
  }
});

test('a statement sent unawaited that fails rolls the whole transaction back', { skip }, async () => {
  const { db, drop } = await freshDatabase('postgres');
  try {
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL)');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1, $2)', [1, 'first']);
        await sendOrRun(tx, 'UPDATE t SET v = $2 WHERE id = $1', [1, null]); // NOT NULL
        return 'looked fine';
      }),
      /null value/,
    );
    assert.deepEqual(await db.query('SELECT id, v FROM t'), []);
    // The connection went back to the pool in a usable state.
    await db.transaction((tx) => tx.query('INSERT INTO t VALUES ($1, $2)', [2, 'ok']));
    assert.deepEqual(await db.query('SELECT id, v FROM t'), [{ id: 2, v: 'ok' }]);
  } finally {
    await drop();
  }
});

test('a transaction that throws leaves nothing behind', { skip }, async () => {
  const { db, drop } = await freshDatabase('postgres');
  try {
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', [1]);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.deepEqual(await db.query('SELECT id FROM t'), []);
  } finally {
    await drop();
  }
});
