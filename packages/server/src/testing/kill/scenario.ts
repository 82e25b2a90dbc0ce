import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@hipwise/core/testing';
import { openPglite } from '../../db/pglite-database.js';
import { openPostgres } from '../../db/postgres-database.js';
import { killHard, stop } from '../run-process.js';
import { restartableServer } from './restartable-server.js';
import { keyProblems, readStore, readThroughApi, tally, type StoreContents } from './store-check.js';
import { writers } from './writers.js';

/**
 * The kill test: the real server process, N clients writing concurrently with idempotency keys,
 * SIGKILL while requests are in flight, restart on the same store, every client retries its
 * unanswered write with the same key, then the store is checked through the API and directly in
 * the database: every acknowledged write present exactly once, nothing doubled.
 */

export interface KillScenarioOptions {
  kind: 'pglite' | 'postgres';
  /** Concurrent clients, each signed up as its own user. */
  clients: number;
  /** How many times the server is killed and restarted. */
  rounds: number;
  /** Writes acknowledged in a round before its kill: drawn from [min, max] with `seed`. */
  acksBeforeKill?: readonly [number, number];
  seed?: number;
  /** After the acks, the kill waits a seeded random 0..killJitterMs so it lands anywhere in a request. */
  killJitterMs?: number;
  /** PostgreSQL: an empty database for the server to migrate and use. */
  databaseUrl?: string;
  /** A round that sees no acknowledgement for this long fails the run. */
  stallMs?: number;
  log?: (line: string) => void;
}

export interface KillRound {
  /** Writes acknowledged in this round before the kill. */
  ackedBeforeKill: number;
  /** Writes sent but unanswered when the server died: each one is retried. */
  inFlightAtKill: number;
  /** PGlite: the dead process's pid file was still there, and the restart took it over. */
  staleLock: boolean;
  restartMs: number;
}

export interface KillScenarioResult {
  kind: 'pglite' | 'postgres';
  clients: number;
  rounds: KillRound[];
  /** Distinct writes acknowledged by the end (including retries answered after a restart). */
  acked: number;
  /** Acknowledged writes that were sent to a server that was later killed. */
  ackedBeforeKill: number;
  /** Unanswered writes retried with their key after a restart. */
  retried: number;
  /** Of those, how many had been stored before the kill and were answered from the key's record. */
  retriedFoundStored: number;
  /** Acknowledged writes re-sent after a restart (a lost answer) that got their first answer back. */
  replayed: number;
  /** Acknowledged writes missing from the store. */
  lost: number;
  /** Extra copies of a write: rows beyond the first for one (user, write). */
  duplicates: number;
  /**
   * Anything else wrong: rows no client wrote, a row whose id differs from its acknowledgement,
   * a key without its row or stored without its answer, a replay answered differently.
   */
  problems: string[];
  /** The final SIGTERM stop exited 0 and (PGlite) released its lock. */
  cleanShutdown: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the pid file in `pgliteDir` still names the process `pid`. */
function pidFileOf(pgliteDir: string | undefined, pid: number | undefined): boolean {
  if (pgliteDir === undefined) return false;
  const file = join(pgliteDir, 'hipwise.pid');
  return existsSync(file) && readFileSync(file, 'utf8').trim().split(' ')[0] === String(pid);
}

export async function runKillScenario(opts: KillScenarioOptions): Promise<KillScenarioResult> {
  const log = opts.log ?? (() => {});
  const random = mulberry32(opts.seed ?? 7);
  const [minAcks, maxAcks] = opts.acksBeforeKill ?? [20, 40];
  if (opts.kind === 'postgres' && !opts.databaseUrl)
    throw new Error('runKillScenario: postgres needs databaseUrl');
  const dataDir = opts.kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'hw-kill-')) : undefined;
  const pgliteDir = dataDir && join(dataDir, 'pglite');
  const server = restartableServer(
    opts.kind,
    dataDir ? { HIPWISE_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: opts.databaseUrl ?? '' },
  );
  const clients = writers(server, opts.stallMs ?? 20_000);

  const rounds: KillRound[] = [];
  const problems: string[] = [];
  let replayed = 0;
  try {
    await server.start();
    log(`${opts.kind}: server started`);
    await clients.start(opts.clients);
    log(`${opts.kind}: ${opts.clients} clients signed up`);

    for (let round = 0; round < opts.rounds; round++) {
      await clients.acks(minAcks + Math.floor(random() * (maxAcks - minAcks + 1)), `round ${round + 1}`);
      await sleep(random() * (opts.killJitterMs ?? 40));

      const victim = server.current!;
      const ackedBeforeKill = clients.down();
      const killedAt = Date.now();
      await killHard(victim.child);
      const inFlightAtKill = clients.cutOff(killedAt);
      const staleLock = pidFileOf(pgliteDir, victim.child.pid);

      const t0 = performance.now();
      await server.start();
      const restartMs = Math.round(performance.now() - t0);
      rounds.push({ ackedBeforeKill, inFlightAtKill, staleLock, restartMs });
      log(
        `${opts.kind} round ${round + 1}: killed after ${ackedBeforeKill} acks with ${inFlightAtKill} writes in flight; restarted in ${restartMs} ms${staleLock ? ' (stale lock taken over)' : ''}`,
      );
      const replay = await clients.replayLastAcked();
      replayed += replay.replayed;
      problems.push(...replay.problems);
      clients.back();
    }
    await clients.finish();

    const fromApi = await readThroughApi(server.url, clients.clients);
    const last = server.current!;
    const code = await stop(last.child);
    const cleanShutdown = code === 0 && !(pgliteDir && existsSync(join(pgliteDir, 'hipwise.pid')));
    if (!cleanShutdown) problems.push(`SIGTERM stop exited ${code}; output:\n${last.output}`);
    server.clear();

    const db = pgliteDir ? await openPglite(pgliteDir) : await openPostgres(opts.databaseUrl!, 2);
    let fromDb: StoreContents;
    try {
      fromDb = await readStore(db);
    } finally {
      await db.close();
    }

    const api = tally(clients.clients, fromApi, 'API');
    const direct = tally(clients.clients, fromDb.rows, 'database');
    problems.push(...api.problems, ...direct.problems, ...keyProblems(clients.clients, fromDb));
    const writes = clients.clients.flatMap((c) => c.writes);
    const retried = writes.filter((w) => w.cutOffAt !== undefined);
    return {
      kind: opts.kind,
      clients: opts.clients,
      rounds,
      acked: writes.filter((w) => w.ack).length,
      ackedBeforeKill: rounds.reduce((n, r) => n + r.ackedBeforeKill, 0),
      retried: retried.length,
      // Stored before the kill: the retry was answered from the key's record, with the old time.
      retriedFoundStored: retried.filter((w) => w.ack && Date.parse(w.ack.createdAt) < w.cutOffAt!).length,
      replayed,
      lost: Math.max(api.lost, direct.lost),
      duplicates: Math.max(api.duplicates, direct.duplicates),
      problems,
      cleanShutdown,
    };
  } finally {
    clients.stop();
    if (server.current) await killHard(server.current.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
