import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@hipwise/core/testing';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { killHard, runTs, SERVER_MAIN, stop, type RunResult } from './run-process.js';

/**
 * The kill test (issue 7): the real server process, N clients writing concurrently with
 * idempotency keys, SIGKILL while requests are in flight, restart on the same store, every client
 * retries its unanswered write with the same key, then the store is checked through the API and
 * directly in the database: every acknowledged write present exactly once, nothing doubled.
 *
 * The write is `POST /api/stress/sessions`, which makes one row per idempotency key. Each client's
 * n-th write carries n in its body (see `bodyFor`), so a doubled write shows as two rows with the
 * same n, whatever ids the server gave them.
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

interface Write {
  seq: number;
  key: string;
  body: ReturnType<typeof bodyFor>;
  /** Set once the server answered 2xx. */
  ack?: { id: string; createdAt: string };
  /** When the server this write was sent to was killed before answering (epoch ms). */
  cutOffAt?: number;
}

interface Client {
  email: string;
  cookie: string;
  userId: string;
  writes: Write[];
  /** Sent and not yet answered. */
  pending?: Write;
}

/** The n-th write of a client: n is spelled in duration and the two stress scores (n < 36,300). */
export function bodyFor(n: number) {
  if (!Number.isInteger(n) || n < 0 || n >= 36_300)
    throw new RangeError(`write number ${n} cannot be spelled`);
  return {
    plannedMinutes: 5,
    durationSeconds: 1 + (n % 300),
    inhaleSeconds: 4,
    exhaleSeconds: 6,
    stressBefore: Math.floor(n / 300) % 11,
    stressAfter: Math.floor(n / 3300) % 11,
  };
}

export const seqOf = (r: { durationSeconds: number; stressBefore: number; stressAfter: number }) =>
  r.durationSeconds - 1 + 300 * r.stressBefore + 3300 * r.stressAfter;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise with its resolve function, for "the server is up again" and "enough acks". */
function signal() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export async function runKillScenario(opts: KillScenarioOptions): Promise<KillScenarioResult> {
  const log = opts.log ?? (() => {});
  const random = mulberry32(opts.seed ?? 7);
  const [minAcks, maxAcks] = opts.acksBeforeKill ?? [20, 40];
  const stallMs = opts.stallMs ?? 20_000;
  if (opts.kind === 'postgres' && !opts.databaseUrl)
    throw new Error('runKillScenario: postgres needs databaseUrl');
  const dataDir = opts.kind === 'pglite' ? await mkdtemp(join(tmpdir(), 'hw-kill-')) : undefined;
  const pgliteDir = dataDir && join(dataDir, 'pglite');
  const storeEnv: Record<string, string> = dataDir
    ? { HIPWISE_DATA_DIR: dataDir, DATABASE_URL: '' }
    : { DATABASE_URL: opts.databaseUrl ?? '' };

  let port = '0';
  let server: RunResult | undefined;
  let url = '';
  async function start(): Promise<void> {
    const run = await runTs(
      SERVER_MAIN,
      [],
      { ...storeEnv, PORT: port },
      /running at (http:\S+)|could not start/,
    );
    const found = /running at (http:\S+)/.exec(run.output)?.[1];
    if (!found && port !== '0' && /already in use/.test(run.output)) {
      // Another program took the port while the server was down; the clients follow the new URL.
      await killHard(run.child);
      port = '0';
      return start();
    }
    if (run.code !== null || !found) {
      run.child.kill('SIGKILL');
      throw new Error(`the server did not start on the ${opts.kind} store:\n${run.output}`);
    }
    server = run;
    url = found;
    // Restarts take the same port, as a supervisor restarting a service would.
    port = new URL(found).port;
  }

  // ---- the clients ----
  let up = signal();
  up.resolve();
  let serverUp = true;
  let finishing = false;
  let roundAcks = 0;
  let enough = signal();
  let roundTarget = Infinity;
  let lastAckAt = Date.now();
  let failure: Error | undefined;

  const post = (c: Client, path: string, body: unknown, key?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(c.cookie ? { cookie: c.cookie } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });

  async function send(c: Client, w: Write): Promise<'acked' | 'no-answer'> {
    let res: Response;
    let json: { session?: { id: string; createdAt: string } };
    try {
      res = await post(c, '/api/stress/sessions', w.body, w.key);
      json = (await res.json()) as typeof json;
    } catch {
      return 'no-answer'; // the connection died: the write may or may not have been stored
    }
    if ((res.status !== 200 && res.status !== 201) || !json.session) {
      throw new Error(`write ${w.key} was answered ${res.status}: ${JSON.stringify(json)}`);
    }
    w.ack = { id: json.session.id, createdAt: json.session.createdAt };
    return 'acked';
  }

  async function clientLoop(c: Client): Promise<void> {
    while (!failure) {
      if (!c.pending) {
        if (finishing) return;
        const seq = c.writes.length;
        c.pending = { seq, key: randomUUID(), body: bodyFor(seq) };
        c.writes.push(c.pending);
      }
      const w = c.pending;
      if ((await send(c, w)) === 'acked') {
        c.pending = undefined;
        lastAckAt = Date.now();
        if (!finishing && ++roundAcks >= roundTarget) enough.resolve();
        continue;
      }
      // No answer: wait for the server to be back, then send the same key again.
      if (serverUp) await sleep(50);
      else await up.promise;
    }
  }

  async function signUp(i: number): Promise<Client> {
    const c: Client = { email: `kill-${i}-${randomUUID()}@example.org`, cookie: '', userId: '', writes: [] };
    const res = await post(c, '/api/auth/signup', {
      email: c.email,
      password: 'a long enough password',
      timeZone: 'UTC',
    });
    const body = (await res.json()) as { user?: { id: string } };
    if (res.status !== 201 || !body.user)
      throw new Error(`sign-up answered ${res.status}: ${JSON.stringify(body)}`);
    c.cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
    c.userId = body.user.id;
    return c;
  }

  /** Waits for `p`, failing when a client failed or no write has been acknowledged for `stallMs`. */
  async function watched(p: Promise<unknown>, what: string): Promise<void> {
    let done = false;
    const settled = p.then(() => (done = true));
    for (;;) {
      await Promise.race([settled, sleep(500)]);
      if (failure) throw failure;
      if (done) return;
      if (Date.now() - lastAckAt > stallMs)
        throw new Error(`${what}: no write was acknowledged for ${stallMs} ms`);
    }
  }

  const rounds: KillRound[] = [];
  const problems: string[] = [];
  let replayed = 0;
  let cleanShutdown = false;
  let clients: Client[] = [];
  try {
    await start();
    log(`${opts.kind}: server started`);
    clients = await Promise.all(Array.from({ length: opts.clients }, (_, i) => signUp(i)));
    log(`${opts.kind}: ${clients.length} clients signed up`);
    const loops = clients.map((c) =>
      clientLoop(c).catch((err: unknown) => {
        failure ??= err instanceof Error ? err : new Error(String(err));
      }),
    );

    for (let round = 0; round < opts.rounds; round++) {
      roundAcks = 0;
      roundTarget = minAcks + Math.floor(random() * (maxAcks - minAcks + 1));
      enough = signal();
      await watched(enough.promise, `round ${round + 1}`);
      await sleep(random() * (opts.killJitterMs ?? 40));

      const victim = server!;
      serverUp = false;
      up = signal();
      const ackedBeforeKill = roundAcks;
      const killedAt = Date.now();
      await killHard(victim.child);
      const inFlight = clients.filter((c) => c.pending);
      for (const c of inFlight) c.pending!.cutOffAt = killedAt;
      const staleLock =
        pgliteDir !== undefined &&
        existsSync(join(pgliteDir, 'hipwise.pid')) &&
        readFileSync(join(pgliteDir, 'hipwise.pid'), 'utf8').trim().split(' ')[0] ===
          String(victim.child.pid);

      const t0 = performance.now();
      await start();
      const restartMs = Math.round(performance.now() - t0);
      rounds.push({ ackedBeforeKill, inFlightAtKill: inFlight.length, staleLock, restartMs });
      log(
        `${opts.kind} round ${round + 1}: killed after ${ackedBeforeKill} acks with ${inFlight.length} writes in flight; restarted in ${restartMs} ms${staleLock ? ' (stale lock taken over)' : ''}`,
      );

      // The answer to a client's last acknowledged write may as well have been lost: sending it
      // again after the restart must give the first answer back, not a second row.
      await Promise.all(
        clients.map(async (c) => {
          const last = c.writes.findLast((w) => w.ack);
          if (!last?.ack) return;
          const first = last.ack;
          const again = await send(c, last);
          replayed++;
          if (again !== 'acked' || last.ack.id !== first.id) {
            problems.push(
              `replay of acknowledged write ${last.key} after restart got ${JSON.stringify(last.ack)}, first answer ${JSON.stringify(first)}`,
            );
          }
        }),
      );
      lastAckAt = Date.now();
      serverUp = true;
      up.resolve();
    }

    // Let every client get its last write answered, then stop sending.
    finishing = true;
    await watched(Promise.all(loops), 'the last retries');

    const fromApi = new Map<string, StoredRow[]>();
    for (const c of clients) {
      const res = await fetch(`${url}/api/me/export`, { headers: { cookie: c.cookie } });
      if (res.status !== 200) throw new Error(`export answered ${res.status}`);
      const data = (await res.json()) as { stressSessions: StoredRow[] };
      fromApi.set(c.userId, data.stressSessions);
    }

    const code = await stop(server!.child);
    cleanShutdown = code === 0 && !(pgliteDir && existsSync(join(pgliteDir, 'hipwise.pid')));
    if (!cleanShutdown) problems.push(`SIGTERM stop exited ${code}; output:\n${server!.output}`);
    server = undefined;

    const db = pgliteDir ? await openPglite(pgliteDir) : await openPostgres(opts.databaseUrl!, 2);
    let fromDb: Awaited<ReturnType<typeof readStore>>;
    try {
      fromDb = await readStore(db);
    } finally {
      await db.close();
    }

    const api = tally(clients, fromApi, 'API');
    const direct = tally(clients, fromDb.rows, 'database');
    problems.push(...api.problems, ...direct.problems, ...keyProblems(clients, fromDb));
    const writes = clients.flatMap((c) => c.writes);
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
    failure ??= new Error('stopped');
    if (server) await killHard(server.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

interface StoredRow {
  id: string;
  durationSeconds: number;
  stressBefore: number;
  stressAfter: number;
}

async function readStore(db: Database) {
  const rows = await db.query<{ user_id: string; id: string; d: number; b: number; a: number }>(
    'SELECT user_id, id, duration_seconds AS d, stress_before AS b, stress_after AS a FROM stress_sessions',
  );
  const keys = await db.query<{ user_id: string; key: string; status: number; session_id: string | null }>(
    "SELECT user_id, key, status, response->'session'->>'id' AS session_id FROM idempotency_keys",
  );
  const byUser = new Map<string, StoredRow[]>();
  for (const r of rows) {
    const list = byUser.get(r.user_id) ?? [];
    list.push({ id: r.id, durationSeconds: r.d, stressBefore: r.b, stressAfter: r.a });
    byUser.set(r.user_id, list);
  }
  return { rows: byUser, keys };
}

function tally(clients: Client[], stored: Map<string, StoredRow[]>, where: string) {
  let lost = 0;
  let duplicates = 0;
  const problems: string[] = [];
  for (const c of clients) {
    const bySeq = new Map<number, StoredRow[]>();
    for (const r of stored.get(c.userId) ?? []) {
      const seq = seqOf(r);
      bySeq.set(seq, [...(bySeq.get(seq) ?? []), r]);
      if (!c.writes[seq]) problems.push(`${where}: a row no client wrote (user ${c.userId}, write ${seq})`);
    }
    for (const w of c.writes) {
      const copies = bySeq.get(w.seq) ?? [];
      if (w.ack && copies.length === 0) lost++;
      if (copies.length > 1) duplicates += copies.length - 1;
      if (w.ack && copies.length === 1 && copies[0]!.id !== w.ack.id) {
        problems.push(
          `${where}: write ${w.key} was acknowledged as ${w.ack.id} but stored as ${copies[0]!.id}`,
        );
      }
    }
  }
  return { lost, duplicates, problems };
}

function keyProblems(clients: Client[], store: Awaited<ReturnType<typeof readStore>>): string[] {
  const problems: string[] = [];
  const keys = new Map(store.keys.map((k) => [`${k.user_id} ${k.key}`, k]));
  for (const c of clients) {
    const ids = new Set((store.rows.get(c.userId) ?? []).map((r) => r.id));
    for (const w of c.writes) {
      const k = keys.get(`${c.userId} ${w.key}`);
      if (!k) {
        problems.push(`key ${w.key} (write ${w.seq}) is not stored`);
      } else if (k.status !== 201 || !k.session_id || !ids.has(k.session_id)) {
        problems.push(`key ${w.key} is stored with status ${k.status} and a session that is not there`);
      }
    }
    const own = store.keys.filter((k) => k.user_id === c.userId).length;
    if (own !== ids.size) problems.push(`user ${c.userId} has ${ids.size} rows but ${own} keys`);
  }
  return problems;
}
