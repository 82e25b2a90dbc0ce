/**
 * `npm run bench:load`: requests per second and tail latency of the real server under load.
 *
 * For each store (PGlite in a fresh data dir; PostgreSQL from DATABASE_URL, else a throw-away
 * server from scripts/pg-temp.mjs with PostgreSQL's durable defaults), we seed users with a
 * screening, a baseline and weeks of check-in history, start the server as its own process
 * (`packages/server/src/main.ts`, logging at its default level to a file) and drive it from a
 * second process running autocannon, so load generator and server never share an event loop:
 *
 * - read: `GET /api/today`, the Today page's data (user, screening, baseline, 90 days of history).
 * - write: `POST /api/checkins` with a fresh Idempotency-Key per request. A check-in is one per user
 *   per local day, so this measures the idempotent upsert path: one statement that inserts or
 *   replaces today's row and stores the answer under the key; after a user's first write of the
 *   day the rest replace that row (200 instead of 201).
 *
 * Every connection holds its own users' session cookies (users are dealt to connections, so no
 * two connections write for the same user at once). Prints per case `req_per_s`, `p99_ms` and the
 * count of non-2xx answers and socket errors (both must be 0: fast errors are not a pass), and a
 * PASS/MISS line per PostgreSQL target (write >= 2,000 req/s with p99 < 50 ms; read >=
 * 4,000 req/s with p99 < 25 ms).
 *
 * Options:
 *   --duration=10          seconds per case (after --warmup=2 seconds that are not counted)
 *   --connections=50       autocannon connections
 *   --users=100            seeded users, dealt to the connections
 *   --history-days=42      days of check-in history per user (about four in five days filled)
 *   --only=pglite|postgres one store
 *   --case=read,write      add `health` (GET /api/health: no database, no session) to see the
 *                          ceiling the framework and middleware leave
 *   --rate=N               N requests/s in all instead of as many as the server answers
 *   --servers=N            N server processes on one PostgreSQL, connections dealt to them in turn
 *                          as by a load balancer (what several Node processes give on these cores)
 *   --synchronous-commit=off  throw-away PostgreSQL only: what durable commits cost
 *   --pg-socket=unix       throw-away PostgreSQL only: connect over its Unix socket, not TCP
 * The server inherits the environment (HIPWISE_DB_POOL_SIZE, HIPWISE_LOG_LEVEL, ...).
 * LOAD_BENCH_SERVER_NODE_ARGS adds node flags to the server process alone (for example
 * "--cpu-prof --cpu-prof-dir=/tmp/prof"); LOAD_BENCH_SERVER_MAIN starts another copy of
 * packages/server/src/main.ts instead, to compare two versions on the same seed.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { addDays, localDate } from '@hipwise/core';
import { mulberry32 } from '@hipwise/core/testing';
import {
  baselineBody,
  checkinRecorder,
  hashPassword,
  loadMigrations,
  migrate,
  openDatabase,
  SERVER_MAIN,
  seedAccount,
  type Database,
} from '@hipwise/server/testing';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const DAY_MS = 86_400_000;

const TARGETS = {
  write: { reqPerS: 2000, p99Ms: 50 },
  read: { reqPerS: 4000, p99Ms: 25 },
} as const;

type Store = 'pglite' | 'postgres';
type CaseName = 'health' | 'read' | 'write';

function option(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}
function numberOption(name: string, fallback: number): number {
  const v = Number(option(name, String(fallback)));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// The load driver: a child process running autocannon (`--driver`), told what to do over IPC.

interface DriverJob {
  /** Server URLs; connections are dealt to them in turn, as by a round-robin load balancer. */
  urls: string[];
  kind: CaseName;
  /** Cookies (`hipwise_session=...`), one list per connection. */
  cookiesPerConnection: string[][];
  connections: number;
  duration: number;
  /** Requests per second for all connections together; unset: as fast as the server answers. */
  rate?: number | undefined;
}

interface DriverResult {
  reqPerS: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
  /** CPU time the load driver itself spent per answered request, in microseconds. */
  driverUsPerReq: number;
}

// autocannon ships no types; this is the part of its API we use (see its README).
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonClient {
  setRequests(requests: AutocannonRequest[]): void;
}
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
  opts: {
    url: string | string[];
    connections: number;
    duration: number;
    setupClient: (client: AutocannonClient) => void;
    overallRate?: number;
  },
  cb: (err: Error | null, result: AutocannonResult) => void,
) => unknown;

async function drive(job: DriverJob): Promise<DriverResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let next = 0;
  const setupClient = (client: AutocannonClient) => {
    const cookies = job.cookiesPerConnection[next++ % job.cookiesPerConnection.length]!;
    let turn = 0;
    const request: AutocannonRequest =
      job.kind === 'health'
        ? { method: 'GET', path: '/api/health' }
        : job.kind === 'read'
          ? {
              method: 'GET',
              path: '/api/today',
              setupRequest: (req) => ({ ...req, headers: { cookie: cookies[turn++ % cookies.length]! } }),
            }
          : {
              method: 'POST',
              path: '/api/checkins',
              setupRequest: (req) => ({
                ...req,
                headers: {
                  cookie: cookies[turn++ % cookies.length]!,
                  'content-type': 'application/json',
                  'idempotency-key': randomUUID(),
                },
                body: JSON.stringify({
                  pain: Math.floor(Math.random() * 11),
                  stress: Math.floor(Math.random() * 11),
                  ...(Math.random() < 0.3 ? { note: 'Sat too long in the afternoon meeting.' } : {}),
                }),
              }),
            };
    client.setRequests([request]);
  };
  const cpu0 = process.cpuUsage();
  const r = await new Promise<AutocannonResult>((resolve, reject) =>
    autocannon(
      {
        url: job.urls.length === 1 ? job.urls[0]! : job.urls,
        connections: job.connections,
        duration: job.duration,
        setupClient,
        ...(job.rate === undefined ? {} : { overallRate: job.rate }),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  const cpu = process.cpuUsage(cpu0);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    reqPerS: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    durationS: r.duration,
    driverUsPerReq: (cpu.user + cpu.system) / Math.max(1, r.requests.total),
  };
}

function runDriver(job: DriverJob): Promise<DriverResult> {
  const child = fork(fileURLToPath(import.meta.url), ['--driver'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ok: true; result: DriverResult } | { ok: false; error: string }) => {
      if (m.ok) resolve(m.result);
      else reject(new Error(`load driver failed: ${m.error}`));
      child.disconnect();
    });
    child.once('exit', (code) => reject(new Error(`load driver exited with ${code}`)));
    child.send(job);
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding: real repository and service code, straight into the database before the server opens it.

const TIME_ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Tokyo', 'Australia/Sydney'];

interface Seeded {
  cookies: string[];
  emailPrefix: string;
  checkins: number;
}

async function seed(db: Database, users: number, historyDays: number): Promise<Seeded> {
  // Seeded, so two runs seed the same shapes of history.
  const rand = mulberry32(7);
  const emailPrefix = `bench-${randomBytes(4).toString('hex')}-`;
  // One real argon2 hash shared by all: log-in is not on the measured paths.
  const passwordHash = await hashPassword('a long enough password');
  const now = Date.now();
  const cookies: string[] = [];
  let checkins = 0;
  const seedUser = async (i: number) => {
    const timeZone = TIME_ZONES[i % TIME_ZONES.length]!;
    const joined = new Date(now - (historyDays + 1) * DAY_MS);
    const { user, cookie } = await seedAccount(db, {
      email: `${emailPrefix}${i}@example.org`,
      passwordHash,
      timeZone,
      joined,
      now: new Date(now),
      baseline: baselineBody({
        painNow: 5,
        painWeekAverage: 4 + (i % 4),
        peg: { pain: 3 + (i % 5), enjoyment: 2 + (i % 6), activity: 4 + (i % 4) },
        stress: 3 + (i % 6),
      }),
    });
    cookies[i] = cookie;
    // Check-ins through the service, as the app records them (with their idempotency keys), on
    // about four days in five of the last `historyDays` days before today, on that local date.
    const record = checkinRecorder(db);
    const today = localDate(new Date(now), timeZone);
    let pain = 6;
    for (let d = historyDays; d >= 1; d--) {
      pain = Math.max(0, Math.min(10, pain + Math.round(rand() * 2 - 1.2)));
      if (rand() < 0.2) continue;
      // 12:00 UTC falls on the same calendar date in every zone we use (UTC-5 to UTC+11).
      await record(user, new Date(`${addDays(today, -d)}T12:00:00Z`), {
        pain,
        stress: Math.floor(rand() * 8),
        ...(rand() < 0.25 ? { note: 'Long day at the desk.' } : {}),
      });
      checkins++;
    }
  };
  // PostgreSQL takes users in parallel; PGlite runs one query at a time anyway.
  const parallel = db.kind === 'postgres' ? 8 : 1;
  for (let i = 0; i < users; i += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, users - i) }, (_, k) => seedUser(i + k)));
  }
  return { cookies, emailPrefix, checkins };
}

// ---------------------------------------------------------------------------------------------
// The server under test, as its own process, logging to a file.

interface ServerProcess {
  url: string;
  child: ChildProcess;
  logFile: string;
}

async function startServer(env: Record<string, string>, workDir: string): Promise<ServerProcess> {
  const logFile = path.join(workDir, `server-${Date.now()}.log`);
  const fd = openSync(logFile, 'w');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env };
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  // LOAD_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server alone.
  const nodeArgs = process.env.LOAD_BENCH_SERVER_NODE_ARGS?.split(' ').filter((a) => a !== '') ?? [];
  // LOAD_BENCH_SERVER_MAIN runs another copy of the server (to compare two versions on one seed).
  const main = process.env.LOAD_BENCH_SERVER_MAIN ?? SERVER_MAIN;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', main], {
    env: childEnv,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const out = readFileSync(logFile, 'utf8');
    const url = /running at (http:\S+)/.exec(out)?.[1];
    if (url) return { url, child, logFile };
    if (child.exitCode !== null || /could not start/.test(out) || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(s: ServerProcess): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

/** utime + stime of a process in clock ticks (100 per second on Linux). */
function cpuTicks(pid: number): number {
  const [user, system] = userSystemTicks(pid);
  return user + system;
}

function userSystemTicks(pid: number): [number, number] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]), Number(fields[12])];
}

/** The postmaster and its children (backends, WAL writer, ...), when its data dir is readable here. */
function postgresPids(postmasterPidFile: string | undefined): number[] {
  if (postmasterPidFile === undefined) return [];
  try {
    const postmaster = Number(readFileSync(postmasterPidFile, 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  } catch {
    return [];
  }
}

function sumTicks(pids: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const pid of pids) {
    try {
      m.set(pid, cpuTicks(pid));
    } catch {
      // gone
    }
  }
  return m;
}

/** [busy, total] jiffies of the whole machine. */
function machineTicks(): [number, number] {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return [total - idle, total];
}

// ---------------------------------------------------------------------------------------------

interface CaseResult extends DriverResult {
  store: Store;
  kind: CaseName;
  serverCpuPct: number;
  machineBusyPct: number;
  /** CPU time per answered request, in microseconds: steadier than req/s on a shared machine. */
  serverUsPerReq: number;
  /** The share of the server's CPU time spent in the kernel (sockets, mostly). */
  serverKernelPct: number;
  /** 2xx answers during the warm-up, which are not counted in the figures. */
  warmupOk: number;
  postgresUsPerReq: number | undefined;
}

function dealCookies(cookies: readonly string[], connections: number): string[][] {
  const per: string[][] = Array.from({ length: Math.min(connections, cookies.length) }, () => []);
  cookies.forEach((c, i) => per[i % per.length]!.push(c));
  return per;
}

async function runCase(
  store: Store,
  kind: CaseName,
  servers: readonly ServerProcess[],
  cookies: readonly string[],
  o: { connections: number; duration: number; warmup: number; rate: number | undefined },
  postmasterPidFile: string | undefined,
): Promise<CaseResult> {
  const job = {
    urls: servers.map((s) => s.url),
    kind,
    cookiesPerConnection: dealCookies(cookies, o.connections),
    connections: o.connections,
    rate: o.rate,
  };
  const warm = await runDriver({ ...job, duration: o.warmup });
  if (warm.non2xx > 0 || warm.errors > 0)
    console.log(
      `  warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors (${JSON.stringify(warm.statusCodes)})`,
    );
  const pids = servers.map((s) => s.child.pid!);
  const serverTicksNow = () =>
    pids.map(userSystemTicks).reduce(([u, k], [u2, k2]) => [u + u2, k + k2], [0, 0]);
  const [user0, sys0] = serverTicksNow();
  const pgPids = postgresPids(postmasterPidFile);
  const pg0 = sumTicks(pgPids);
  const [busy0, total0] = machineTicks();
  const t0 = performance.now();
  const r = await runDriver({ ...job, duration: o.duration });
  const seconds = (performance.now() - t0) / 1000;
  const [busy1, total1] = machineTicks();
  const [user1, sys1] = serverTicksNow();
  const serverTicks = user1 + sys1 - user0 - sys0;
  const serverSysTicks = sys1 - sys0;
  const pg1 = sumTicks(pgPids);
  const pgTicks = [...pg1].reduce((sum, [p, t]) => sum + t - (pg0.get(p) ?? t), 0);
  const answered = Math.max(1, r.total);
  const ok2xx = (codes: Record<string, number>) =>
    Object.entries(codes).reduce((n, [code, count]) => n + (code.startsWith('2') ? count : 0), 0);
  const result: CaseResult = {
    warmupOk: ok2xx(warm.statusCodes),
    ...r,
    store,
    kind,
    serverCpuPct: (serverTicks / 100 / seconds) * 100,
    machineBusyPct: ((busy1 - busy0) / Math.max(1, total1 - total0)) * 100,
    serverUsPerReq: (serverTicks * 10_000) / answered,
    serverKernelPct: (serverSysTicks / Math.max(1, serverTicks)) * 100,
    postgresUsPerReq: pgPids.length > 0 ? (pgTicks * 10_000) / answered : undefined,
  };
  console.log(`case: ${kind} ${store}`);
  console.log(`req_per_s: ${Math.round(result.reqPerS)}`);
  console.log(`p99_ms: ${result.p99Ms}`);
  console.log(`p50_ms: ${result.p50Ms}`);
  console.log(`max_ms: ${result.maxMs}`);
  console.log(`non2xx: ${result.non2xx}`);
  console.log(`errors: ${result.errors} (timeouts ${result.timeouts})`);
  console.log(
    `responses: ${result.total} in ${result.durationS.toFixed(1)} s, by status ${JSON.stringify(result.statusCodes)}`,
  );
  console.log(
    `cpu: server ${servers.length === 1 ? 'process' : `processes (${servers.length})`} ${result.serverCpuPct.toFixed(0)}% of one core, whole machine ${result.machineBusyPct.toFixed(0)}% busy; ` +
      `per request: server ${result.serverUsPerReq.toFixed(0)} us (${result.serverKernelPct.toFixed(0)}% in kernel)` +
      (result.postgresUsPerReq === undefined
        ? ''
        : `, postgres ${result.postgresUsPerReq.toFixed(0)} us${process.env.DATABASE_URL ? ' (all its processes, other clients too)' : ''}`) +
      `, load driver ${result.driverUsPerReq.toFixed(0)} us`,
  );
  console.log('');
  return result;
}

async function benchStore(
  store: Store,
  o: {
    connections: number;
    duration: number;
    warmup: number;
    users: number;
    historyDays: number;
    synchronousCommit: string;
    cases: readonly CaseName[];
    rate: number | undefined;
    servers: number;
    pgSocket: string;
  },
  workDir: string,
): Promise<CaseResult[]> {
  let databaseUrl: string | undefined;
  let stopPg: (() => Promise<void>) | undefined;
  if (store === 'postgres') {
    databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      console.log('postgres: DATABASE_URL (seeded bench users are deleted at the end)');
    } else {
      const pgTemp = (await import(pathToFileURL(path.join(repoRoot, 'scripts', 'pg-temp.mjs')).href)) as {
        startTempPostgres(o: { durable: boolean; settings: Record<string, string> }): Promise<{
          url: string;
          port: number;
          dir: string;
          stop(): Promise<void>;
        }>;
      };
      const settings: Record<string, string> =
        o.synchronousCommit === 'off' ? { synchronous_commit: 'off' } : {};
      const pg = await pgTemp.startTempPostgres({ durable: true, settings });
      // pg-temp also listens on a Unix socket in its directory.
      databaseUrl =
        o.pgSocket === 'unix'
          ? `postgres://hipwise@/hipwise_test?host=${encodeURIComponent(pg.dir)}&port=${pg.port}`
          : pg.url;
      stopPg = () => pg.stop();
      console.log(
        'postgres: throw-away server from scripts/pg-temp.mjs (durable defaults' +
          (o.synchronousCommit === 'off' ? ', but synchronous_commit=off' : '') +
          `), over ${o.pgSocket === 'unix' ? 'its Unix socket' : 'TCP on 127.0.0.1'}`,
      );
    }
  }
  const dataDir = path.join(workDir, `data-${store}`);
  const config = { databaseUrl, dataDir, dbPoolSize: 4 };
  try {
    const t0 = performance.now();
    const db = await openDatabase(config);
    let seeded: Seeded;
    let postmasterPidFile: string | undefined;
    try {
      await migrate(db, await loadMigrations());
      if (db.kind === 'postgres') {
        const rows = await db.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings WHERE name IN
             ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers',
              'max_connections')
           ORDER BY name`,
        );
        console.log(`postgres settings: ${rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`);
      }
      seeded = await seed(db, o.users, o.historyDays);
      if (db.kind === 'postgres') {
        const dir = await db.query<{ setting: string }>(
          `SELECT setting FROM pg_settings WHERE name = 'data_directory'`,
        );
        if (dir[0]) postmasterPidFile = path.join(dir[0].setting, 'postmaster.pid');
      }
    } finally {
      await db.close();
    }
    console.log(
      `seeded ${o.users} users (screening, baseline, ${seeded.checkins} check-ins over ${o.historyDays} days) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // PGlite is one process's database; several processes need PostgreSQL.
    const count = store === 'postgres' ? o.servers : 1;
    const servers = await Promise.all(
      Array.from({ length: count }, () =>
        startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : { HIPWISE_DATA_DIR: dataDir }, workDir),
      ),
    );
    const server = servers[0]!;
    const results: CaseResult[] = [];
    let stored = 0;
    try {
      const probe = await fetch(`${server.url}/api/today`, { headers: { cookie: seeded.cookies[0]! } });
      const body = (await probe.json()) as { history?: unknown[] };
      if (probe.status !== 200)
        throw new Error(`GET /api/today answered ${probe.status}: ${JSON.stringify(body)}`);
      console.log(
        `server ${servers.map((s) => s.url).join(' ')} (pool size ${process.env.HIPWISE_DB_POOL_SIZE ?? 'default'}, log level ${process.env.HIPWISE_LOG_LEVEL ?? 'default'}); ` +
          `one Today answer: ${body.history?.length ?? 0} check-ins, ${JSON.stringify(body).length} bytes\n`,
      );
      for (const kind of o.cases) {
        const r = await runCase(store, kind, servers, seeded.cookies, o, postmasterPidFile);
        results.push(r);
      }
    } finally {
      await Promise.all(servers.map(stopServer));
      const logLines = servers
        .map((s) => readFileSync(s.logFile, 'utf8'))
        .join('')
        .split('\n')
        .filter((l) => l.includes('"msg":"request"')).length;
      console.log(`server logged ${logLines} request lines`);
    }
    // Every write answered 2xx must have committed its key: count them now the server is gone.
    const after = await openDatabase(config);
    try {
      const rows = await after.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM idempotency_keys k JOIN users u ON u.id = k.user_id WHERE u.email LIKE $1`,
        [`${seeded.emailPrefix}%`],
      );
      stored = (rows[0]?.n ?? 0) - seeded.checkins;
      if (process.env.DATABASE_URL && store === 'postgres')
        await after.query('DELETE FROM users WHERE email LIKE $1', [`${seeded.emailPrefix}%`]);
    } finally {
      await after.close();
    }
    const write = results.find((r) => r.kind === 'write');
    if (write) {
      // Every 2xx is a committed key; a few more may have committed as the driver stopped.
      const acknowledged = write.warmupOk + (write.statusCodes['200'] ?? 0) + (write.statusCodes['201'] ?? 0);
      console.log(`check-in writes acknowledged: ${acknowledged}, idempotency keys stored: ${stored}\n`);
      if (stored < acknowledged) {
        console.log(
          `FAILED write ${store}: ${acknowledged - stored} acknowledged writes are not in the database`,
        );
        process.exitCode = 1;
      }
    }
    return results;
  } finally {
    await stopPg?.();
  }
}

async function main() {
  const o = {
    duration: numberOption('duration', 10),
    warmup: numberOption('warmup', 2),
    connections: numberOption('connections', 50),
    users: numberOption('users', 100),
    historyDays: numberOption('history-days', 42),
    synchronousCommit: option('synchronous-commit', 'on'),
    rate: option('rate', '') === '' ? undefined : numberOption('rate', 1),
    servers: numberOption('servers', 1),
    pgSocket: option('pg-socket', 'tcp'),
    cases: option('case', 'read,write')
      .split(',')
      .map((c): CaseName => {
        if (c !== 'health' && c !== 'read' && c !== 'write')
          throw new Error('--case must list read, write and/or health, e.g. --case=health,read');
        return c;
      }),
  };
  if (o.pgSocket !== 'tcp' && o.pgSocket !== 'unix') throw new Error('--pg-socket must be tcp or unix');
  if (o.users < o.connections)
    console.log(
      `note: ${o.users} users for ${o.connections} connections: some users are served on two connections at once`,
    );
  const only = option('only', '');
  if (only !== '' && only !== 'pglite' && only !== 'postgres')
    throw new Error('--only must be pglite or postgres');
  const stores: Store[] = only === '' ? ['pglite', 'postgres'] : [only];

  console.log(
    `load bench: ${new Date().toISOString()}, ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`,
  );
  // Server, database and load driver share the cores with whatever else runs: say how busy it was.
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${o.connections} connections, ${o.duration} s per case after ${o.warmup} s warm-up, ${o.users} users with ${o.historyDays} days of history\n`,
  );

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'hipwise-load-'));
  const results: CaseResult[] = [];
  try {
    for (const store of stores) {
      console.log(`== ${store}`);
      results.push(...(await benchStore(store, o, workDir)));
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  console.log(
    `load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const r of results.filter((x) => x.store === 'postgres' && x.kind !== 'health')) {
    const t = TARGETS[r.kind as keyof typeof TARGETS];
    const pass = r.reqPerS >= t.reqPerS && r.p99Ms < t.p99Ms && r.non2xx === 0 && r.errors === 0;
    console.log(
      `${pass ? 'PASS' : 'MISS'} ${r.kind} postgres: req_per_s ${Math.round(r.reqPerS)} (target >= ${t.reqPerS}), ` +
        `p99_ms ${r.p99Ms} (target < ${t.p99Ms}), non2xx ${r.non2xx}, errors ${r.errors}`,
    );
  }
  // Speed is for reading off the figures above; a wrong answer under load is a failure.
  const broken = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of broken)
    console.log(`FAILED ${r.kind} ${r.store}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  if (broken.length > 0) process.exitCode = 1;
}

if (process.argv.includes('--driver')) {
  process.once('message', (job: DriverJob) => {
    drive(job).then(
      (result) => process.send?.({ ok: true, result }),
      (err: unknown) =>
        process.send?.({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  });
} else {
  await main();
}
