import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './database.js';

// Our SQL is a fixed set of strings (plus one per table in restore); past this many distinct texts
// something builds SQL dynamically and the rest run unprepared rather than fill every connection.
const MAX_PREPARED = 500;

/**
 * Connections that single reads outside transactions share, pipelined (see `sharedConnections`).
 * One: all the reads of an event-loop turn then leave in one write and wake one PostgreSQL
 * backend, which gave 15% more Today reads per second than two (bench/RESULTS.md, "load"). The
 * price is that a slow read delays the reads queued behind it; ours are index lookups of one
 * user's rows, a few milliseconds at most.
 */
export const SHARED_READ_CONNECTIONS = 1;

/**
 * Names each distinct parameterised SQL text, so that every connection parses and plans it once
 * and then only binds and executes: this halved PostgreSQL's CPU time per request (bench/RESULTS.md,
 * "load"). The name is a hash of the text, so one name can never stand for two statements.
 * Statements name their columns rather than `*`: a prepared `SELECT *` fails once a migration adds
 * a column under a running server.
 */
function statementNames() {
  const names = new Map<string, string>();
  return (sql: string): string | undefined => {
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `h_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
      names.set(sql, name);
    }
    return name;
  };
}

/**
 * Holds back what is written to a connection until the end of this turn of the event loop
 * (setImmediate runs once the turn's I/O callbacks are done), so the queries of all the requests
 * that arrived or got an answer in that turn leave in one socket write, and PostgreSQL reads them
 * in one go. On this 2-core machine a loopback send costs about as much as a simple query.
 */
function coalesceWrites(client: pg.Client): void {
  const stream = client.connection.stream;
  if (stream.writableCorked > 0) return;
  stream.cork();
  setImmediate(() => stream.uncork());
}

// A single read that cannot wait on a row lock; only these share a pipelined connection, where one
// statement waiting would hold up all the others behind it.
const PLAIN_SELECT = /^\s*select\b(?![\s\S]*\bfor\s+(update|no\s+key\s+update|share|key\s+share)\b)/i;

/**
 * A few long-lived connections in pipeline mode: each query is sent at once, without waiting for
 * the one before to finish, and answers come back in order. Concurrent requests' reads thus share
 * round trips instead of each holding a pooled connection. A connection that fails is dropped and
 * replaced on next use; its in-flight queries fail as they would on a pooled connection.
 */
function sharedConnections(config: pg.ClientConfig, size: number) {
  let live: pg.Client[] = [];
  let opening: Promise<pg.Client> | undefined;
  let closed = false;
  let turn = 0;

  const open = () => {
    opening ??= (async () => {
      const client = new pg.Client({ ...config, pipeline: true });
      const drop = () => {
        live = live.filter((c) => c !== client);
      };
      client.on('error', drop);
      client.on('end', drop);
      await client.connect();
      if (closed) {
        await client.end();
        throw new Error('The database has been closed.');
      }
      live.push(client);
      return client;
    })().finally(() => {
      opening = undefined;
    });
    return opening;
  };

  return {
    async fill() {
      while (live.length < size) await open();
    },
    async get(): Promise<pg.Client> {
      if (closed) throw new Error('The database has been closed.');
      if (live.length < size && live.length > 0) open().catch(() => undefined); // top up in the background
      if (live.length > 0) return live[turn++ % live.length]!;
      return open();
    },
    async close() {
      closed = true;
      const all = live;
      live = [];
      await Promise.all(all.map((c) => c.end()));
    },
  };
}

/** A real PostgreSQL server, for hosting many people; every process is stateless in front of it. */
export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Transactions take a pooled connection each; pipelining only lets BEGIN leave with the first statement.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, pipeline: true });
  // An idle client can lose its server (restart, failover); log nothing secret, just keep going.
  pool.on('error', () => undefined);
  const shared = sharedConnections({ connectionString: url }, SHARED_READ_CONNECTIONS);
  // Fail at start-up, with the server's own reason, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  await shared.fill();
  const nameOf = statementNames();
  const selects = new Map<string, boolean>();
  const isPlainSelect = (sql: string) => {
    let plain = selects.get(sql);
    if (plain === undefined) {
      plain = PLAIN_SELECT.test(sql);
      if (selects.size < MAX_PREPARED) selects.set(sql, plain);
    }
    return plain;
  };

  const send = async <T extends object>(client: pg.Client, sql: string, params: readonly unknown[]) => {
    coalesceWrites(client);
    // Without parameters pg keeps the simple protocol (several statements allowed): leave those be.
    const name = params.length > 0 ? nameOf(sql) : undefined;
    return (await client.query<T>({ text: sql, values: params as unknown[], name })).rows;
  };

  const inTransaction = (client: pg.PoolClient, unawaited: Promise<unknown>[]): Queryable => ({
    query: (sql, params = []) => send(client, sql, params),
    async exec(sql: string) {
      coalesceWrites(client);
      await client.query(sql);
    },
    send(sql, params = []) {
      const sent = send(client, sql, params);
      sent.catch(() => undefined); // awaited before the transaction reports success
      unawaited.push(sent);
    },
  });

  return {
    kind: 'postgres',
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      if (isPlainSelect(sql)) return send<T>(await shared.get(), sql, params);
      const name = params.length > 0 ? nameOf(sql) : undefined;
      return (await pool.query<T>({ text: sql, values: params as unknown[], name })).rows;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      coalesceWrites(client);
      // Sent without waiting, so it leaves with the first statement. On an idle connection BEGIN
      // can only fail with the connection itself, which fails everything queued behind it too.
      const begun = client.query('BEGIN');
      begun.catch(() => undefined); // awaited below
      const unawaited: Promise<unknown>[] = [begun];
      let broken = false;
      try {
        const result = await fn(inTransaction(client, unawaited));
        // COMMIT leaves in the same write as the statements sent unawaited just before it. If one
        // of them failed, PostgreSQL has already turned this COMMIT into a rollback.
        const committed = client.query('COMMIT');
        committed.catch(() => undefined);
        await Promise.all(unawaited);
        const { command } = await committed;
        if (command !== 'COMMIT') throw new Error(`The transaction ended in ${command}, not COMMIT.`);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        // Never hand a connection still inside a transaction (or in an unknown state) to the next request.
        client.release(broken || client.getTransactionStatus() !== 'I');
      }
    },
    async close() {
      await shared.close();
      await pool.end();
    },
  };
}
