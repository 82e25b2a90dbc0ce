/**
 * `npm run bench:faults`: the kill test (packages/server/src/faults.test.ts), longer.
 *
 * For each store the real server runs as its own process; N clients, each its own user, write
 * calm-down sessions (`POST /api/stress/sessions`, one row per Idempotency-Key) as fast as they
 * are answered. After a seeded random number of acknowledged writes the server is killed with
 * SIGKILL while requests are in flight, restarted on the same store, and every client sends its
 * unanswered write again with the same key. After the last round the store is read through the
 * API and directly: every acknowledged write must be there exactly once.
 *
 * Prints per store `acked_writes`, `acked_writes_lost` and `duplicates` (both must be 0; the exit
 * code is 1 otherwise), and how many in-flight writes were retried and how many of those had been
 * stored before the kill (answered from the key's record on retry).
 *
 * PostgreSQL: DATABASE_URL, else HIPWISE_TEST_DATABASE_URL, else a throw-away server from
 * scripts/pg-temp.mjs with PostgreSQL's durable defaults; a fresh database is created on it for the
 * run and dropped after. Without any, PostgreSQL is skipped and the reason printed.
 *
 * Options: --clients=16, --rounds=10, --min-acks=20, --max-acks=80, --seed=1, --only=pglite|postgres.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { runKillScenario, type KillScenarioResult } from '@hipwise/server/testing';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
type Store = 'pglite' | 'postgres';

function options() {
  const o = {
    clients: 16,
    rounds: 10,
    minAcks: 20,
    maxAcks: 80,
    seed: 1,
    only: undefined as Store | undefined,
  };
  for (const arg of process.argv.slice(2)) {
    const m = /^--([a-z-]+)=(.+)$/.exec(arg);
    const name = m?.[1];
    const value = m?.[2] ?? '';
    if (name === 'only' && (value === 'pglite' || value === 'postgres')) o.only = value;
    else if (name === 'clients' || name === 'rounds' || name === 'seed') o[name] = positive(arg, value);
    else if (name === 'min-acks') o.minAcks = positive(arg, value);
    else if (name === 'max-acks') o.maxAcks = positive(arg, value);
    else throw new Error(`unknown option ${arg}; see the top of bench/faults-bench.ts`);
  }
  if (o.maxAcks < o.minAcks) throw new Error('--max-acks must be at least --min-acks');
  return o;
}

function positive(arg: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${arg}: must be a whole number of at least 1`);
  return n;
}

/** A PostgreSQL server URL to create the run's database on, or why there is none. */
async function postgresServer(): Promise<
  { url: string; label: string; stop?: () => Promise<void> } | { skip: string }
> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'DATABASE_URL' };
  if (process.env.HIPWISE_TEST_DATABASE_URL) {
    return { url: process.env.HIPWISE_TEST_DATABASE_URL, label: 'HIPWISE_TEST_DATABASE_URL' };
  }
  try {
    const pgTemp = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'pg-temp.mjs')).href)) as {
      startTempPostgres(o: { durable: boolean }): Promise<{ url: string; stop(): Promise<void> }>;
    };
    const server = await pgTemp.startTempPostgres({ durable: true });
    return {
      url: server.url,
      label: 'throw-away server from scripts/pg-temp.mjs (durable defaults)',
      stop: () => server.stop(),
    };
  } catch (err) {
    return {
      skip: `no DATABASE_URL or HIPWISE_TEST_DATABASE_URL, and no throw-away server: ${(err as Error).message}`,
    };
  }
}

/** Creates an empty database beside the one `serverUrl` names; `drop` removes it. */
async function freshDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hw_faults_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

function report(r: KillScenarioResult): boolean {
  const restarts = r.rounds.map((x) => x.restartMs).sort((a, b) => a - b);
  const median = restarts[Math.floor(restarts.length / 2)] ?? 0;
  console.log(`acked_writes: ${r.acked}`);
  console.log(`acked_writes_lost: ${r.lost}`);
  console.log(`duplicates: ${r.duplicates}`);
  const cutOff = r.rounds.reduce((n, x) => n + x.inFlightAtKill, 0);
  console.log(
    `in_flight_at_kill: ${cutOff} over ${r.rounds.length} kills; ${r.retried} distinct writes retried with the same key, ` +
      `${r.retriedFoundStored} of them stored before the kill and answered from the key's record`,
  );
  console.log(`acked_writes_resent_after_restart: ${r.replayed} (each got its first answer back)`);
  console.log(`restart_ms: median ${median}, max ${restarts.at(-1) ?? 0}`);
  if (r.kind === 'pglite') {
    console.log(
      `stale_lock_taken_over: ${r.rounds.filter((x) => x.staleLock).length}/${r.rounds.length} kills`,
    );
  }
  console.log(`clean_sigterm_shutdown: ${r.cleanShutdown ? 'yes' : 'no'}`);
  for (const p of r.problems) console.log(`problem: ${p}`);
  return r.lost === 0 && r.duplicates === 0 && r.problems.length === 0;
}

async function main(): Promise<number> {
  let o: ReturnType<typeof options>;
  try {
    o = options();
  } catch (err) {
    console.error(`faults bench: ${(err as Error).message}`);
    return 2;
  }
  console.log(
    `faults bench: ${o.clients} clients, ${o.rounds} SIGKILLs per store after ${o.minAcks}-${o.maxAcks} acknowledged writes each (seed ${o.seed}); ` +
      `${os.cpus().length} cpus, node ${process.version}`,
  );
  let ok = true;
  for (const store of ['pglite', 'postgres'] as const) {
    if (o.only && o.only !== store) continue;
    console.log(`\n== ${store} ==`);
    let stopServer: (() => Promise<void>) | undefined;
    let drop: (() => Promise<void>) | undefined;
    try {
      let databaseUrl: string | undefined;
      if (store === 'postgres') {
        const server = await postgresServer();
        if ('skip' in server) {
          console.log(`postgres: skipped (${server.skip})`);
          continue;
        }
        stopServer = server.stop;
        console.log(`postgres: ${server.label}, fresh database for the run`);
        const fresh = await freshDatabaseOn(server.url);
        databaseUrl = fresh.url;
        drop = fresh.drop;
      }
      const t0 = performance.now();
      const result = await runKillScenario({
        kind: store,
        clients: o.clients,
        rounds: o.rounds,
        acksBeforeKill: [o.minAcks, o.maxAcks],
        seed: o.seed,
        ...(databaseUrl ? { databaseUrl } : {}),
        log: (line) => console.log(`  ${line}`),
      });
      ok = report(result) && ok;
      console.log(`took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (err) {
      ok = false;
      console.log(
        `${store}: the run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    } finally {
      await drop?.().catch((err: unknown) =>
        console.log(`could not drop the run's database: ${String(err)}`),
      );
      await stopServer?.();
    }
  }
  console.log(ok ? '\nPASS: no acknowledged write lost, none doubled' : '\nFAIL');
  return ok ? 0 : 1;
}

process.exitCode = await main();
