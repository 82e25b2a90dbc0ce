/**
 * `npm run bench:footprint`: what the server costs a person who leaves it running all day.
 *
 * Starts the server exactly as `npm start` does (the built `packages/server/dist/main.js`, on the
 * embedded database, logging at its default level) twice on one new data folder, and prints:
 *
 * - `rss_first_start_mb`: resident memory once the first start (new data folder) is up and has
 *   settled for --settle seconds.
 * - `rss_idle_mb`: the second start on the same folder, --settle seconds after it is up.
 * - `idle_cpu_percent`: CPU time of one core used over --idle seconds with nobody connected,
 *   from --quiet-after seconds after the second start. Until then the start's own work is still
 *   finishing: V8 shrinks the heap left by start-up with a few full collections some 20 s after the
 *   server is up (`--trace-gc` shows them as "Mark-Compact (reduce)"), once, not periodically.
 *   What the first --quiet-after seconds cost is printed too (`cpu_after_start_percent`).
 * - `rss_after_use_mb`: after a simulated day through the HTTP API: sign-up, screening, baseline,
 *   then member-day.ts's day (a check-in, an exercise session, a breathing practice, 200 break
 *   events, one request each, as the app sends them, and the Today page with the data it loads
 *   100 times).
 *
 * Memory and CPU are those of the whole process tree the server runs as (the server and any
 * process it starts), read from /proc. Each figure is printed with its target and PASS/FAIL;
 * figures without a target (`info`) say more about where the memory goes.
 *
 * Options:
 *   --server=PATH   another entry point to measure (a `.ts` file runs through tsx, as `npm start`
 *                   once did); the default is the built server that `npm start` runs
 *   --settle=10     seconds to wait after start before reading memory
 *   --idle=30       seconds over which idle CPU is measured
 *   --quiet-after=45  seconds after the second start when that measurement begins
 * The server inherits the environment (HIPWISE_PG_SETTINGS, ...); PORT and HIPWISE_DATA_DIR are set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evenBaseline, NO_RED_FLAGS } from '@hipwise/server/testing';
import { ApiClient, memberDay } from './member-day.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT_MAIN = path.join(repoRoot, 'packages/server/dist/main.js');

const TARGETS = {
  rss_first_start_mb: 350,
  rss_idle_mb: 200,
  rss_after_use_mb: 250,
  idle_cpu_percent: 0.2,
} as const;

function option(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
}
function seconds(name: string, fallback: number): number {
  const v = Number(option(name, String(fallback)));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number of seconds`);
  return v;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

// ---------------------------------------------------------------------------------------------
// The process tree, from /proc.

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), cpuTicks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

function tree(root: number): ProcStat[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is ProcStat => s !== undefined);
  const members: ProcStat[] = [];
  const wanted = new Set([root]);
  // Parents come before children in pid order only usually; repeat until nothing new joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const s of all) {
      if (!wanted.has(s.pid) && wanted.has(s.ppid)) {
        wanted.add(s.pid);
        grew = true;
      }
    }
  }
  for (const s of all) if (wanted.has(s.pid)) members.push(s);
  return members;
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

const treeRssMb = (root: number) => tree(root).reduce((sum, p) => sum + rssMb(p.pid), 0);
const treeCpuTicks = (root: number) => tree(root).reduce((sum, p) => sum + p.cpuTicks, 0);

// ---------------------------------------------------------------------------------------------
// The server.

interface Started {
  child: ChildProcess;
  url: string;
  startMs: number;
  /** The highest tree RSS seen from spawn until the server said it was up. */
  peakMb: number;
  output: () => string;
}

async function startServer(main: string, dataDir: string): Promise<Started> {
  const args = main.endsWith('.ts') ? ['--import', 'tsx', main] : [main];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HIPWISE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    // The request log grows by a line per request; keep the start-up lines only.
    if (out.length < 64_000) out += d.toString();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakMb = 0;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb(child.pid!))), 100);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = () => {
        const m = /hipwise is running at (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      };
      child.stdout.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`the server exited (${code}) before it was up:\n${out}`)),
      );
    });
    peakMb = Math.max(peakMb, treeRssMb(child.pid!));
    return { child, url, startMs: performance.now() - t0, peakMb, output: () => out };
  } finally {
    clearInterval(sampler);
  }
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

/** CPU time the tree used over `s` seconds, as a percentage of one core. */
async function cpuPercentOver(pid: number, s: number): Promise<number> {
  const before = treeCpuTicks(pid);
  const t0 = performance.now();
  await sleep(s * 1000);
  const ticks = treeCpuTicks(pid) - before;
  const elapsedS = (performance.now() - t0) / 1000;
  return (100 * ticks) / CLOCK_TICKS_PER_S / elapsedS;
}

// ---------------------------------------------------------------------------------------------
// A day of use, through the HTTP API as the app calls it.

async function simulatedDay(base: string): Promise<number> {
  const api = new ApiClient(base);
  const signup = await api.call('POST', '/api/auth/signup', {
    email: `footprint-${randomUUID()}@example.org`,
    password: 'a long enough password',
    timeZone: 'Europe/Berlin',
  });
  api.cookie = (signup.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  if (!api.cookie) throw new Error('sign-up set no session cookie');
  await api.call('POST', '/api/screenings', { answers: NO_RED_FLAGS });
  await api.call('PUT', '/api/baseline', evenBaseline(5));
  await memberDay(api, { withPage: true });
  return api.requests;
}

// ---------------------------------------------------------------------------------------------

function line(name: keyof typeof TARGETS, value: number, unit: string) {
  const target = TARGETS[name];
  const pass = value <= target;
  console.log(
    `${name}: ${value.toFixed(name === 'idle_cpu_percent' ? 3 : 0)}  (target <= ${target}${unit})  ${pass ? 'PASS' : 'FAIL'}`,
  );
  return pass;
}
const info = (name: string, value: string) => console.log(`${name}: ${value}  (info)`);

async function main() {
  const main = path.resolve(option('server', BUILT_MAIN));
  const settleS = seconds('settle', 10);
  const idleS = seconds('idle', 30);
  const quietAfterS = seconds('quiet-after', 45);
  if (quietAfterS < settleS) throw new Error('--quiet-after must be at least --settle');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hipwise-footprint-'));
  console.log(`server: ${path.relative(repoRoot, main)}  data: ${dataDir}`);
  console.log(
    `load before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1, 5, 15 min) on ${os.cpus().length} cores`,
  );
  const results: boolean[] = [];
  try {
    const first = await startServer(main, dataDir);
    await sleep(settleS * 1000);
    const firstMb = treeRssMb(first.child.pid!);
    const settings = /"msg":"([^"]*settings[^"]*)"/.exec(first.output())?.[1];
    await stopServer(first.child);

    const second = await startServer(main, dataDir);
    const ticksAtStart = treeCpuTicks(second.child.pid!);
    await sleep(settleS * 1000);
    const idleMb = treeRssMb(second.child.pid!);
    await sleep((quietAfterS - settleS) * 1000);
    const afterStartCpu =
      (100 * (treeCpuTicks(second.child.pid!) - ticksAtStart)) / CLOCK_TICKS_PER_S / quietAfterS;
    const idleCpu = await cpuPercentOver(second.child.pid!, idleS);
    const t0 = performance.now();
    const requests = await simulatedDay(second.url);
    const dayS = (performance.now() - t0) / 1000;
    const afterUseMb = treeRssMb(second.child.pid!);
    // Connections the day left open close on the server's keep-alive timeout (5 s).
    await sleep(6000);
    const idleCpuAfterUse = await cpuPercentOver(second.child.pid!, idleS);
    await stopServer(second.child);

    results.push(line('rss_first_start_mb', firstMb, ' MB'));
    results.push(line('rss_idle_mb', idleMb, ' MB'));
    results.push(line('rss_after_use_mb', afterUseMb, ' MB'));
    results.push(line('idle_cpu_percent', idleCpu, '%'));
    info('start_ms_first / second', `${first.startMs.toFixed(0)} / ${second.startMs.toFixed(0)}`);
    info('rss_peak_until_up_mb first / second', `${first.peakMb.toFixed(0)} / ${second.peakMb.toFixed(0)}`);
    info('simulated_day', `${requests} requests in ${dayS.toFixed(1)} s`);
    info(`cpu_after_start_percent (first ${quietAfterS} s after the second start)`, afterStartCpu.toFixed(3));
    info('idle_cpu_after_use_percent', idleCpuAfterUse.toFixed(3));
    if (settings) info('settings_log', settings);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(results.every(Boolean) ? 'footprint: PASS' : 'footprint: FAIL');
  if (!results.every(Boolean)) process.exitCode = 1;
}

await main();
