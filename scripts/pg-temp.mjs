// A throw-away PostgreSQL server for tests.
//
//   import { startTempPostgres } from './pg-temp.mjs';
//   const pg = await startTempPostgres();   // { url: 'postgres://hipwise@127.0.0.1:PORT/hipwise_test', stop() }
//   ...
//   await pg.stop();
//
// Standalone: `node scripts/pg-temp.mjs` starts one, prints the URL and keeps it running until
// Ctrl-C; `node scripts/pg-temp.mjs --self-test` starts, runs `select 1` through psql, and stops.
//
// initdb/postgres refuse to run as root: when uid is 0 they run as the `postgres` system user
// (or a `hipwise-pg` system user created on demand) through runuser, and the temp dir is chowned
// to that user. Trust auth, loopback TCP only, fsync/synchronous_commit/full_page_writes off:
// test-only settings, never use this for data you care about. `{ durable: true }` keeps
// PostgreSQL's own crash-safe defaults instead (for benchmarks that must not flatter writes), and
// `settings` adds `-c name=value` server settings on top of either.
import { execFile, spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findPostgresBin, INSTALL_HINT } from './system-deps.mjs';

const execFileP = promisify(execFile);
const DIR_PREFIX = 'hipwise-pg-';
const DB_USER = 'hipwise';
const DB_NAME = 'hipwise_test';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** A free loopback TCP port: bind port 0 on 127.0.0.1, read it, close. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function userIds(name) {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** The unprivileged user to run the server as when we are root. */
function serverUser() {
  for (const name of ['postgres', 'hipwise-pg']) {
    const ids = userIds(name);
    if (ids) return { name, ...ids };
  }
  const r = spawnSync(
    'useradd',
    [
      '--system',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      'hipwise-pg',
    ],
    { encoding: 'utf8' },
  );
  const ids = userIds('hipwise-pg');
  if (!ids) throw new Error(`could not create system user hipwise-pg: ${r.stderr || r.error?.message}`);
  return { name: 'hipwise-pg', ...ids };
}

/** [cmd, args] running bin/name as the server user when root, directly otherwise. */
function asServerUser(user, bin, name, args) {
  const exe = path.join(bin, name);
  return user ? ['runuser', ['-u', user.name, '--', exe, ...args]] : [exe, args];
}

async function run(cmdArgs, opts = {}) {
  const [cmd, args] = cmdArgs;
  try {
    return await execFileP(cmd, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, ...opts });
  } catch (e) {
    const err = /** @type {any} */ (e);
    const out = `${err.stdout ?? ''}${err.stderr ?? ''}`.trim();
    throw new Error(`${cmd} ${args.join(' ')} failed (${err.code ?? err.signal}):\n${out}`, { cause: e });
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {any} */ (e).code === 'EPERM';
  }
}

function stopSync(bin, user, dataDir, dir) {
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    const [cmd, args] = asServerUser(user, bin, 'pg_ctl', [
      'stop',
      '-D',
      dataDir,
      '-m',
      'immediate',
      '-w',
      '-t',
      '20',
    ]);
    spawnSync(cmd, args, { stdio: 'ignore', cwd: dir });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Stops and removes temp clusters left behind by runs that were killed (owner process gone). */
function reapStale(bin, user) {
  const tmp = os.tmpdir();
  let entries = [];
  try {
    entries = readdirSync(tmp).filter((n) => n.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(tmp, name);
    let owner = NaN;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8').trim());
    } catch {
      continue; // not ours, or still being set up
    }
    if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
      try {
        stopSync(bin, user, path.join(dir, 'data'), dir);
      } catch {
        // best effort
      }
    }
  }
}

// Durability off: tests create and drop many databases and never need to survive a crash.
const TEST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

/**
 * Starts a temporary PostgreSQL server on a free loopback port with an empty database
 * `hipwise_test` owned by superuser `hipwise` (trust auth).
 * @param {{ log?: (m: string) => void, durable?: boolean, settings?: Record<string, string> }} [opts]
 *   durable: keep PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes on) instead of
 *   the test-only settings; settings: extra server settings, applied last.
 * @returns {Promise<{ url: string, port: number, dir: string, stop: () => Promise<void> }>}
 */
export async function startTempPostgres({ log = () => {}, durable = false, settings = {} } = {}) {
  const serverSettings = { ...(durable ? {} : TEST_SETTINGS), ...settings };
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(`PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Run: ${INSTALL_HINT}`);
  const user = isRoot() ? serverUser() : undefined;
  reapStale(bin, user);

  const dir = mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  writeFileSync(path.join(dir, 'owner.pid'), `${process.pid}\n`);
  if (user) chownSync(dir, user.uid, user.gid);

  /** @type {{ child: import('node:child_process').ChildProcess, exited: Promise<any> } | undefined} */
  let server;
  let stopped = false;
  let stopping;
  const onExit = () => {
    if (!stopped) {
      stopped = true;
      stopSync(bin, user, dataDir, dir);
    }
  };
  const onSignal = (signal) => {
    onExit();
    // re-raise with the default behaviour now that our listeners are gone
    detach();
    process.kill(process.pid, signal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  function detach() {
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGHUP', onSignal);
  }

  /** Fast shutdown of the running server (if any), waiting for the process to be gone. */
  async function stopServer() {
    const s = server;
    if (!s) return;
    let exit;
    void s.exited.then((x) => (exit = x));
    await new Promise((res) => setImmediate(res));
    if (!exit && existsSync(path.join(dataDir, 'postmaster.pid'))) {
      try {
        await run(
          asServerUser(user, bin, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30']),
          {
            cwd: dir,
          },
        );
      } catch (e) {
        log(`pg_ctl stop -m fast failed, stopping immediately: ${e instanceof Error ? e.message : e}`);
        const [cmd, args] = asServerUser(user, bin, 'pg_ctl', [
          'stop',
          '-D',
          dataDir,
          '-m',
          'immediate',
          '-w',
        ]);
        spawnSync(cmd, args, { stdio: 'ignore', cwd: dir });
      }
    } else if (!exit) {
      s.child.kill('SIGINT'); // still starting (no pid file yet)
    }
    const timeout = new Promise((res) => setTimeout(res, 15_000, 'timeout'));
    if ((await Promise.race([s.exited, timeout])) === 'timeout') {
      s.child.kill('SIGKILL');
      await s.exited;
    }
  }

  const stop = async () => {
    stopping ??= (async () => {
      try {
        if (!stopped) await stopServer();
      } finally {
        stopped = true;
        server = undefined;
        rmSync(dir, { recursive: true, force: true });
        detach();
      }
    })();
    return stopping;
  };

  try {
    log(`initdb in ${dataDir}${user ? ` as ${user.name}` : ''}`);
    await run(
      asServerUser(user, bin, 'initdb', [
        '-D',
        dataDir,
        '-A',
        'trust',
        '-U',
        DB_USER,
        '--no-sync',
        '-E',
        'UTF8',
        '--locale=C',
      ]),
      { cwd: dir, env: { ...process.env, LC_ALL: 'C' } },
    );

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await findFreePort();
      const [cmd, args] = asServerUser(user, bin, 'postgres', [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${dir}`,
        ...Object.entries(serverSettings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ]);
      // postgres is our own child (not daemonized by pg_ctl) so that we reap it: in containers
      // whose PID 1 does not reap orphans a daemonized postmaster would linger as a zombie.
      const logFd = openSync(logFile, 'a');
      const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', logFd, logFd], env: cleanPgEnv() });
      closeSync(logFd);
      server = {
        child,
        exited: new Promise((resolve) => {
          child.once('exit', (code, signal) => resolve({ code, signal }));
          child.once('error', (error) => resolve({ code: null, signal: null, error }));
        }),
      };
      try {
        await waitReady(bin, port, server.exited);
        break;
      } catch (e) {
        const pgLog = readLog(logFile);
        await stopServer();
        server = undefined;
        // most likely the port was taken between probing and binding: try another one
        if (attempt < 3 && /could not (bind|create listen)|already in use/i.test(pgLog)) {
          log(`postgres could not bind port ${port} (attempt ${attempt}), retrying`);
          continue;
        }
        throw new Error(`${e instanceof Error ? e.message : e}\n--- postgres log ---\n${pgLog}`, {
          cause: e,
        });
      }
    }

    await run([path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, DB_NAME]], {
      env: cleanPgEnv(),
    });
    const url = `postgres://${DB_USER}@127.0.0.1:${port}/${DB_NAME}`;
    log(`postgres ready at ${url}`);
    return { url, port, dir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function cleanPgEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('PG')) delete env[k];
  return env;
}

function readLog(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Polls pg_isready (or a TCP connect) until postgres accepts connections; fails if it exits. */
async function waitReady(bin, port, exited) {
  let exit;
  void exited.then((x) => (exit = x));
  const isready = path.join(bin, 'pg_isready');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit)
      throw new Error(`postgres exited during start-up (${exit.error?.message ?? exit.code ?? exit.signal})`);
    const r = spawnSync(
      isready,
      ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, '-d', 'postgres'],
      {
        env: cleanPgEnv(),
      },
    );
    if (r.error && /** @type {any} */ (r.error).code === 'ENOENT') {
      const ok = await new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      if (ok) return;
    } else if (r.status === 0) {
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`postgres on port ${port} not accepting connections after 60s`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const selfTest = process.argv.includes('--self-test');
  const t0 = Date.now();
  const pg = await startTempPostgres({ log: (m) => console.log(`[pg-temp] ${m}`) });
  console.log(`[pg-temp] started in ${Date.now() - t0} ms: ${pg.url}`);
  if (selfTest) {
    let ok = false;
    try {
      const r = spawnSync('psql', [pg.url, '-tAc', 'select 1'], { encoding: 'utf8', env: cleanPgEnv() });
      ok = r.status === 0 && r.stdout.trim() === '1';
      console.log(`[pg-temp] psql select 1 -> ${JSON.stringify(r.stdout.trim())} ${r.stderr.trim()}`);
    } finally {
      const t1 = Date.now();
      await pg.stop();
      console.log(`[pg-temp] stopped in ${Date.now() - t1} ms, dir removed: ${!existsSync(pg.dir)}`);
    }
    process.exit(ok ? 0 : 1);
  } else {
    console.log('[pg-temp] Ctrl-C to stop');
    // keep this process alive; its exit/signal handlers stop postgres
    setInterval(() => {}, 1 << 30);
  }
}
